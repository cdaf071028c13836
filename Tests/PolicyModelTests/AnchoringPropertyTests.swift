import Foundation
import Testing
@testable import PolicyModel

/// Anchoring, checked on many quotes cut at random from documents: a piece of a document
/// that occurs once after normalization is found, and the offsets point back at it.
@Suite("Anchoring properties")
struct AnchoringPropertyTests {
    /// Documents to cut quotes from: generated ones (markup, line breaks, CJK, links)
    /// and the version texts carried in the bundled data.
    static func documents() -> [String] {
        var rng = SeededGenerator(seed: 0xA7C4_0001)
        let pieces = ["We may use", " ", "  ", "\n", "\n\n", "**Inputs**", "_Outputs_", "to improve", "the Services.",
                      "4.3 ", "## 5. Retention\n", "第四条 ", "我们", "会将", "您的输入", "用于", "模型训练", "。", "，", "（一）",
                      "[settings](https://example.com/a_b)", "\\*", "opt out", "30 days", "\u{3000}", "e\u{301}", "👍"]
        var out: [String] = (0..<12).map { _ in
            (0..<Int.random(in: 20...200, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
        }
        let vendors = URL(fileURLWithPath: SharedSample.packageRoot).appendingPathComponent("Data/vendors")
        if let walker = FileManager.default.enumerator(atPath: vendors.path) {
            for case let path as String in walker where path.hasSuffix(".md") {
                if let text = try? String(contentsOf: vendors.appendingPathComponent(path), encoding: .utf8) { out.append(text) }
            }
        }
        return out
    }

    @Test func anyPieceThatOccursOnceIsFoundWhereItWasCut() throws {
        var rng = SeededGenerator(seed: 0xA7C4_0002)
        var checked = 0
        for document in Self.documents() {
            let prepared = PreparedText(document)
            let raw = prepared.raw
            guard raw.count > 4 else { continue }
            for _ in 0..<60 {
                let start = Int.random(in: 0..<(raw.count - 1), using: &rng)
                let end = min(raw.count, start + Int.random(in: 1...120, using: &rng))
                let quote = prepared.text(start, end)
                let needle = NormalizedText(quote).scalars
                guard !needle.isEmpty, prepared.normalized.occurrences(of: needle, limit: 2).count == 1 else { continue }
                checked += 1
                guard case .success(let anchor) = QuoteAnchoring.anchor(quote: quote, in: prepared) else {
                    Issue.record("not anchored: \(quote.debugDescription)")
                    continue
                }
                // The anchor is the cut piece less the spaces and markup at its edges.
                #expect(anchor.start >= start && anchor.end <= end && anchor.start < anchor.end,
                        "\(quote.debugDescription) cut at \(start)..<\(end), anchored at \(anchor.start)..<\(anchor.end)")
                #expect(NormalizedText(prepared.text(anchor.start, anchor.end)).scalars == needle || quote.contains("]("))
                #expect(anchor.section == prepared.sections.section(at: anchor.start)?.label)
            }
        }
        #expect(checked > 300, "only \(checked) unique pieces were checked")
    }

    /// A piece that occurs more than once is picked out by the text just before or after
    /// it, or reported as ambiguous; it is never anchored somewhere else.
    @Test func prefixAndSuffixPickTheOccurrenceTheyBelongTo() {
        var rng = SeededGenerator(seed: 0xA7C4_0003)
        let document = String(repeating: "You may opt out of training. 您可以关闭训练。 ", count: 3)
            + "Section 9: you may opt out of training by email.\n" + String(repeating: "**You** may opt out. ", count: 4)
        let prepared = PreparedText(document)
        let raw = prepared.raw
        for _ in 0..<300 {
            let start = Int.random(in: 8..<(raw.count - 8), using: &rng)
            let end = min(raw.count - 1, start + Int.random(in: 2...24, using: &rng))
            let quote = prepared.text(start, end)
            let prefix = prepared.text(max(0, start - Int.random(in: 1...30, using: &rng)), start)
            let suffix = prepared.text(end, min(raw.count, end + Int.random(in: 1...30, using: &rng)))
            switch QuoteAnchoring.anchor(quote: quote, prefix: prefix, suffix: suffix, in: prepared) {
            case .success(let anchor):
                // Found: then where it was cut.
                #expect(NormalizedText(prepared.text(anchor.start, anchor.end)).scalars == NormalizedText(quote).scalars)
                #expect(anchor.start >= start && anchor.end <= end,
                        "\(quote.debugDescription) cut at \(start)..<\(end), anchored at \(anchor.start)..<\(anchor.end)")
            case .failure(let failure):
                // Only when the quote is blank (markup only) or the context repeats too.
                switch failure {
                case .empty, .ambiguous: break
                default: Issue.record("\(quote.debugDescription) with its own context: \(failure)")
                }
            }
        }
    }
}
