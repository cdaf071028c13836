import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// Every view, drawn whole at 80×24 and 40×12 (and a few more sizes where a view changes
/// with the width), compared with the files in Goldens/. Most are drawn from the fixture
/// catalog, so they do not change when the bundled data grows; the `bundled-` ones show the
/// bundled data and are regenerated with it.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var target: String?
    var keys: String = ""
    var text: String?
    var after: String = ""
    var bundled = false
    var monochrome = false
    var language: Language = .en
    var documentCompare = false
    /// The fixture after Acme's terms changed again, with two of those changes unseen.
    var updated = false
    /// The fixture with services of the sources without verdicts (`FixtureCatalog.withServices`).
    var services = false

    var testDescription: String { name }

    func session(_ size: Size) throws -> Session {
        let model = updated ? FixtureCatalog.updatedModel(language: language)
            : services ? BrowserModel(catalog: FixtureCatalog.withServices, language: language)
            : bundled ? TestCatalog.model(language: language) : TestCatalog.fixture(language: language)
        model.monochrome = monochrome
        var s: Session
        if documentCompare {
            let view = DocumentCompareView(left: DocumentRef(vendor: "acme", document: "terms", version: nil),
                                           right: DocumentRef(vendor: "lumen", document: "user-agreement-zh", version: nil))
            s = Session(model: model, state: Browser.start(showing: .documentCompare(view), model: model, size: size))
        } else {
            s = try Session(model: model, width: size.width, height: size.height, at: target)
        }
        if !keys.isEmpty { s.type(keys) }
        if let text { s.typeText(text) }
        if !after.isEmpty { s.type(after) }
        return s
    }

    static let all: [GoldenCase] = [
        GoldenCase(name: "vendor-list", keys: "Space"),
        GoldenCase(name: "vendor-list-services", keys: "j j j", services: true),
        GoldenCase(name: "vendor-list-services-end", keys: "G k k k k k", services: true),
        GoldenCase(name: "vendor-list-services-no-colour", keys: "j j j", monochrome: true, services: true),
        GoldenCase(name: "vendor-list-services-zh", keys: "G", language: .zh, services: true),
        GoldenCase(name: "matrix", target: "acme", keys: "j l"),
        GoldenCase(name: "matrix-zh", target: "acme", language: .zh),
        GoldenCase(name: "detail", target: "acme/consumer/train-on-inputs"),
        GoldenCase(name: "detail-second-quote", target: "acme/consumer/train-on-inputs", keys: "]"),
        GoldenCase(name: "reader", target: "acme/consumer/train-on-inputs", keys: "Enter"),
        GoldenCase(name: "reader-chinese", target: "lumen/user-agreement-zh:4.3"),
        GoldenCase(name: "reader-not-loaded", target: "acme/privacy"),
        GoldenCase(name: "reader-raw", target: "acme/consumer/train-on-inputs", keys: "Enter r"),
        GoldenCase(name: "reader-go-to", target: "acme/terms", keys: ": 4"),
        // A heading without a number (its label is its title) beside numbered clauses: shown
        // once, across the row; the numbers' column as wide as they are.
        GoldenCase(name: "reader-go-to-titles", target: "acme/terms", keys: ": t e r m s"),
        // A text no verdict quotes: the status bar offers no `Enter verdict` nor `] next quote`.
        GoldenCase(name: "reader-unquoted", keys: "G Enter Enter", services: true),
        GoldenCase(name: "documents", target: "acme", keys: "d"),
        GoldenCase(name: "documents-marked", target: "acme", keys: "d Space"),
        GoldenCase(name: "bundled-documents", target: "deepseek", keys: "d", bundled: true),
        // A quote taken from a table cell: its <br> are line breaks (the quote's data keeps them).
        GoldenCase(name: "bundled-detail-table-quote", target: "anthropic/consumer/ads-profiling", bundled: true),
        GoldenCase(name: "timeline", target: "acme", keys: "t"),
        GoldenCase(name: "versions", target: "acme", keys: "d j v"),
        GoldenCase(name: "versions-compared", target: "acme", keys: "d j v c"),
        GoldenCase(name: "versions-help", target: "acme", keys: "d j v ? G"),
        GoldenCase(name: "diff", target: "acme", keys: "d j v d"),
        GoldenCase(name: "diff-no-colour", target: "acme", keys: "d j v d", monochrome: true),
        GoldenCase(name: "search-prompt", keys: "/", text: "Inputs"),
        GoldenCase(name: "search-results", keys: "/", text: "Inputs", after: "Enter <"),
        GoldenCase(name: "search-empty", keys: "/"),
        GoldenCase(name: "search-chinese", keys: "/", text: "输入 服务"),
        GoldenCase(name: "search-help", keys: "/", text: "Inputs", after: "Enter < ?"),
        // The reader at the hit: every word of the query marked, the hit itself strongly; the
        // count kept at the status bar's right end however long the breadcrumb.
        GoldenCase(name: "search-reader", keys: "/", text: "improve the", after: "Enter"),
        GoldenCase(name: "search-reader-next", keys: "/", text: "Inputs", after: "Enter n n"),
        GoldenCase(name: "vendor-comparison", keys: "Space Space c"),
        GoldenCase(name: "document-comparison", documentCompare: true),
        GoldenCase(name: "help", target: "acme", keys: "?"),
        GoldenCase(name: "link", target: "acme/terms", keys: "o"),
        GoldenCase(name: "question", keys: "a j"),
        GoldenCase(name: "question-filtered", target: "acme", keys: "j a s"),
        GoldenCase(name: "bundled-question", keys: "a", bundled: true),
        GoldenCase(name: "vendor-list-unseen", updated: true),
        GoldenCase(name: "changes", keys: "C", updated: true),
        GoldenCase(name: "changes-seen", keys: "C Enter <", updated: true),
        GoldenCase(name: "changes-none", keys: "C"),
        // Widened to every recorded version, noise too: the first versions and the noise listed.
        GoldenCase(name: "changes-everything", keys: "C A x", updated: true),
        GoldenCase(name: "matrix-review", target: "acme", updated: true),
        GoldenCase(name: "detail-review", target: "acme/consumer/train-on-inputs", updated: true),
        GoldenCase(name: "question-review", target: "acme", keys: "a", updated: true),
        GoldenCase(name: "versions-quotes", target: "acme", keys: "d j v", updated: true),
        GoldenCase(name: "diff-quotes", target: "acme", keys: "d j v d", updated: true),
        GoldenCase(name: "diff-quote-statuses", target: "acme", keys: "d j v d G", updated: true),
        GoldenCase(name: "bundled-vendor-list", bundled: true),
        GoldenCase(name: "bundled-matrix", target: "deepseek", bundled: true),
    ]

    /// Views that change with the width beyond the two standard sizes.
    static let wide: [(GoldenCase, Size)] = [
        (GoldenCase(name: "reader-outline", target: "acme/consumer/train-on-inputs", keys: "Enter h"), Size(width: 120, height: 30)),
        (GoldenCase(name: "matrix-wide", target: "acme"), Size(width: 120, height: 30)),
        (GoldenCase(name: "vendor-list-wide"), Size(width: 200, height: 12)),
        (GoldenCase(name: "too-small"), Size(width: 30, height: 8)),
    ]
}

@Suite("Screen goldens")
struct ScreenGoldenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    func check(_ golden: GoldenCase, _ size: Size) throws {
        let s = try golden.session(size)
        let screen = s.screen
        if let problem = try ScreenGolden.check(screen, name: "\(golden.name)@\(size.width)x\(size.height)") {
            Issue.record(Comment(rawValue: problem))
        }
        #expect(s.model.loadsWhileRendering == 0, "\(golden.name) loaded while drawing")
    }

    @Test(arguments: GoldenCase.all)
    func atTheTwoStandardSizes(_ golden: GoldenCase) throws {
        for size in Self.sizes { try check(golden, size) }
    }

    @Test func atTheSizesWhereTheyChange() throws {
        for (golden, size) in GoldenCase.wide { try check(golden, size) }
    }

    @Test func everyViewHasAGolden() throws {
        var kinds = Set<String>()
        for golden in GoldenCase.all + GoldenCase.wide.map(\.0) {
            let s = try golden.session(Self.sizes[0])
            if s.state.help != nil { kinds.insert("help") }
            if s.state.link != nil { kinds.insert("link") }
            kinds.insert(String(describing: s.state.screen).prefix { $0 != "(" }.description)
        }
        let views = ["vendors", "matrix", "detail", "reader", "documents", "timeline", "search", "compare", "documentCompare", "versions", "diff", "changes", "question", "help", "link"]
        #expect(Set(views).subtracting(kinds).isEmpty, "views without a golden: \(Set(views).subtracting(kinds))")
    }
}
