import BundledData
import Foundation
import Testing
@testable import PolicyModel

/// The bundled analysis, read through the model with `../shared/ota/sample` loaded.
@Suite("Bundled data")
struct BundledDataTests {
    static let bundled = InMemoryLayer(label: "embedded:Data", files: BundledData.files)

    static func catalog(withSample: Bool) -> Catalog {
        CatalogLoader.load(layers: [bundled], sourceRoots: withSample ? [SharedSample.path] : [])
    }

    func verdict(_ c: Catalog, _ v: String, _ s: String, _ q: String) throws -> Verdict {
        try #require(c.vendor(v)?.verdict(surface: s, question: q), "no verdict \(v)/\(s)/\(q)")
    }

    @Test func loadsWithoutErrorsAndNoSources() {
        let c = Self.catalog(withSample: false)
        #expect(c.errors.isEmpty, "\(c.errors.prefix(5))")
        #expect(c.questions.count == 15)
        #expect(c.vendors.map(\.id).prefix(3) == ["deepseek", "openai", "anthropic"])
        // Quotes from documents the layer carries (the seeds) anchor with no sources at all.
        let report = c.check(strict: false)
        #expect(report.count(.anchored) > 0)
        #expect(report.count(.broken) == 0)
    }

    @Test func everyVendorAnswersEveryQuestionForEachSurface() {
        let c = Self.catalog(withSample: false)
        for vendor in c.vendors {
            for surface in vendor.surfaces {
                for q in c.questions {
                    #expect(vendor.verdict(surface: surface.id, question: q.id) != nil, "missing \(vendor.id)/\(surface.id)/\(q.id)")
                }
            }
        }
    }

    @Test func silentVerdictsListWhatWasExamined() {
        let c = Self.catalog(withSample: false)
        for verdict in c.vendors.flatMap(\.verdicts) where verdict.answer == .silent {
            #expect(!verdict.examined.isEmpty, "\(verdict.vendor)/\(verdict.surface)/\(verdict.question)")
        }
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func strictCheckAnchorsEveryQuoteAndOffsetsHoldInTheFiles() throws {
        let c = Self.catalog(withSample: true)
        let report = c.check(strict: true)
        #expect(report.errors.isEmpty, "\(report.errors.prefix(5))")
        #expect(report.count(.unverified) == 0)
        // An independent re-check: the raw file's scalars at [start, end) hold the quote, markup and spacing aside.
        for r in report.resolved {
            let anchor = try #require(r.anchor)
            let version = try #require(r.version)
            let raw: String
            if version.origin == .source {
                raw = try String(contentsOfFile: version.path, encoding: .utf8)
            } else {
                let relative = String(version.path.split(separator: "/").drop { $0 != "vendors" }.joined(separator: "/"))
                raw = try #require(BundledData.files[relative])
            }
            let scalars = Array(raw.unicodeScalars)
            let covered = String(String.UnicodeScalarView(scalars[anchor.start..<anchor.end]))
            #expect(Self.squash(covered) == Self.squash(r.evidence.quote), "\(r.evidence.documentRef) \(anchor.start)..<\(anchor.end)")
        }
    }

    /// Written apart from the model's normalizer: drop link targets `](…)`, `[`, markup characters and whitespace.
    static func squash(_ s: String) -> String {
        var out = ""
        var chars = Array(s)[...]
        while let c = chars.popFirst() {
            if c == "]", chars.first == "(" {
                var depth = 0
                while let d = chars.popFirst() {
                    if d == "(" { depth += 1 }
                    if d == ")" { depth -= 1; if depth == 0 { break } }
                }
                continue
            }
            if c == "[" || c == "]" || c == "*" || c == "_" || c == "\\" || c.isWhitespace { continue }
            out.append(c)
        }
        return out
    }

    // The research note's findings (seed 000), through the model.

    @Test func deepSeekConsumerTrainsByDefaultAndCanOptOutByToggle() throws {
        let c = Self.catalog(withSample: false)
        #expect(try verdict(c, "deepseek", "consumer", "train-on-inputs").answer == .yes)
        let optOut = try verdict(c, "deepseek", "consumer", "training-opt-out")
        #expect(optOut.answer == .yes)
        #expect(optOut.advice?.text(.en).contains("Improve the model for everyone") == true || optOut.advice?.text(.zh).contains("Improve the model for everyone") == true)
    }

    @Test func deepSeekAPIIsSilentOnTraining() throws {
        let c = Self.catalog(withSample: false)
        let train = try verdict(c, "deepseek", "api", "train-on-inputs")
        #expect(train.answer == .silent)
        #expect(train.examined.contains("developer-terms"))
        #expect([.silent, .notApplicable].contains(try verdict(c, "deepseek", "api", "training-opt-out").answer))
    }

    @Test func openAIAndAnthropicAPIsDoNotTrain() throws {
        let c = Self.catalog(withSample: false)
        #expect(try verdict(c, "openai", "api", "train-on-inputs").answer == .no)
        #expect(try verdict(c, "anthropic", "api", "train-on-inputs").answer == .no)
    }

    @Test func googleAPIIsUnknownAndSaysWhichDocumentIsMissing() throws {
        let c = Self.catalog(withSample: false)
        let g = try verdict(c, "google", "api", "train-on-inputs")
        if g.answer == .unknown {
            #expect(g.summary.text(.en).contains("Gemini API"))
        } else {
            #expect(!g.evidence.isEmpty, "a settled Google API answer must quote a loaded document")
        }
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func chineseClause43QuotedAndPointsToSection9() throws {
        let c = Self.catalog(withSample: true)
        let all = c.vendor("deepseek")?.verdicts.flatMap(\.evidence) ?? []
        let zh = all.filter { $0.document == "user-agreement-zh" }
        #expect(zh.count >= 3)
        let clause = try #require(zh.first { $0.quote.contains("第9条") })
        let r = c.resolve(clause)
        #expect(r.status == .anchored)
        #expect(r.anchor?.section == "4.3")
    }
}
