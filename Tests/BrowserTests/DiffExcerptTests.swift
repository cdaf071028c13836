import BundledData
import Foundation
import Testing
@testable import Browser
@testable import PolicyModel
import TerminalUI

/// A long paragraph changed only at its end: the diff view shows the changed words, with the
/// start of the paragraph cut (`…`), and Enter opens the place in the new version.
@Suite("Browser: a long changed paragraph")
struct DiffExcerptTests {
    static let old = "2026-03-27T11-30-37Z.md"
    static let opted = #"you can opt out by turning off "Improve the model for everyone"."#

    /// DeepSeek's newest terms from the sample, and a later version whose §4.3 ends differently.
    static func sources() throws -> String {
        let root = NSTemporaryDirectory() + "termlens-diff-excerpt-" + UUID().uuidString
        let folder = root + "/DeepSeek/Terms of Service"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: TestCatalog.sample + "/DeepSeek/Terms of Service/" + old, encoding: .utf8)
        #expect(text.contains(opted), "the sample's §4.3 ends with the opt-out sentence")
        try text.write(toFile: folder + "/" + old, atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: opted, with: "you may contact us to object.")
            .write(toFile: folder + "/2026-11-20T00-00-00Z.md", atomically: true, encoding: .utf8)
        return root
    }

    static func session(monochrome: Bool, size: Size) throws -> (Session, String) {
        let root = try sources()
        let catalog = CatalogLoader.load(layers: [InMemoryLayer(label: "embedded:Data", files: BundledData.files)], sourceRoots: [root])
        let model = BrowserModel(catalog: catalog, language: .en)
        model.monochrome = monochrome
        let view = DiffView(vendor: "deepseek", document: "terms-of-service",
                            old: try #require(SimpleDate("2026-03-27")), new: try #require(SimpleDate("2026-11-20")))
        return (Session(model: model, state: Browser.start(showing: .diff(view), model: model, size: size)), root)
    }

    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func theChangedWordsAtTheEndOfALongParagraphShow() throws {
        let (s, root) = try Self.session(monochrome: true, size: Size(width: 100, height: 30))
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The change's lines, the selection mark and indent taken off, joined again.
        let body = s.lines.drop { !$0.contains("~ changed  §4.3") }.dropFirst().prefix { !$0.isEmpty }
            .map { $0.drop { $0 == "▌" || $0 == " " } }.joined(separator: " ")
        #expect(body.hasPrefix("… the Services. If you refuse"), "the paragraph's start is cut: \(body)")
        #expect(body.hasSuffix(#"you [-can opt out by turning off "Improve the model for everyone"-]{+may contact us to object+}."#), "\(body)")
        if let problem = try ScreenGolden.check(s.screen, name: "bundled-diff-long-paragraph-no-colour@100x30") {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample"))
    func inColourTooAndEnterOpensThePlace() throws {
        var (s, root) = try Self.session(monochrome: false, size: Size(width: 100, height: 30))
        defer { try? FileManager.default.removeItem(atPath: root) }
        if let problem = try ScreenGolden.check(s.screen, name: "bundled-diff-long-paragraph@100x30") {
            Issue.record(Comment(rawValue: problem))
        }
        let narrow = try Self.session(monochrome: true, size: Size(width: 40, height: 12))
        defer { try? FileManager.default.removeItem(atPath: narrow.1) }
        #expect(narrow.0.text.contains("object+}"), "\(narrow.0.text)")
        s.type("Enter")
        guard case .reader(let r) = s.state.screen else { Issue.record("Enter opens the change"); return }
        #expect(r.version?.description == "2026-11-20")
        let doc = try #require(s.model.catalog.document(vendor: "deepseek", id: "terms-of-service"))
        let old = try #require(doc.version(try #require(SimpleDate("2026-03-27"))))
        let new = try #require(doc.version(try #require(SimpleDate("2026-11-20"))))
        let change = try #require(s.model.loadDiff(old: old, new: new).first { $0.section == "4.3" })
        #expect(change.newText?.hasSuffix("you may contact us to object.") == true)
        #expect(r.current == change.newRange)
    }
}

/// In colour the diff keeps wdiff's marks as a second cue: red against green alone is lost on
/// colour-blind readers, and a replacement would run into the text it replaces.
@Suite("Browser: a colour diff marks its words")
struct DiffMarksInColourTests {
    @Test func removedAndAddedWordsAreMarkedAndColouredAndNeverRunTogether() {
        let model = TestCatalog.fixture()
        let change = TextChange(kind: .changed, section: nil, oldSection: nil, oldText: nil, newText: nil, oldRange: nil, newRange: nil,
                                spans: [DiffSpan(.equal, "Last Update: "), DiffSpan(.removed, "April 28, 2025"), DiffSpan(.added, "March 27, 2026")])
        let line = DiffBody.lines(change, width: 60, model: model).first ?? []
        #expect(line.map(\.text).joined() == "Last Update: [-April 28, 2025-]{+March 27, 2026+}")
        let roles = Dictionary(line.map { ($0.text, $0.style.role) }, uniquingKeysWith: { a, _ in a })
        #expect(roles["["] == .removed && roles["5"] == .removed && roles["{"] == .added && roles["6"] == .added && roles["L"] == .normal)
    }
}
