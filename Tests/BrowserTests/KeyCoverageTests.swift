import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// Every view in a few states a person reaches, built by key scripts over the fixture catalog.
enum ViewSamples {
    struct Sample {
        var name: String
        var session: Session
    }

    /// `start` (a TARGET, or nil for the vendor list), then `keys`, then (if given) text typed.
    static func make(_ name: String, _ target: String? = nil, width: Int = 80, height: Int = 24,
                     keys: String = "", text: String? = nil, after: String = "", model: BrowserModel = TestCatalog.fixture()) throws -> Sample {
        var s = try Session(model: model, width: width, height: height, at: target)
        if !keys.isEmpty { s.type(keys) }
        if let text { s.typeText(text) }
        if !after.isEmpty { s.type(after) }
        return Sample(name: name, session: s)
    }

    static func documentCompare(_ keys: String = "", model: BrowserModel = TestCatalog.fixture()) -> Sample {
        let view = DocumentCompareView(left: DocumentRef(vendor: "acme", document: "terms", version: nil),
                                       right: DocumentRef(vendor: "lumen", document: "user-agreement-zh", version: nil))
        var s = Session(model: model, state: Browser.start(showing: .documentCompare(view), model: model, size: Size(width: 80, height: 24)))
        if !keys.isEmpty { s.type(keys) }
        return Sample(name: "document comparison " + keys, session: s)
    }

    /// Each view at its start, somewhere in the middle and at its end (where that differs).
    static func all(_ model: () -> BrowserModel = { TestCatalog.fixture() }) throws -> [[Sample]] {
        [
            try ["", "j", "G"].map { try make("vendor list " + $0, keys: $0, model: model()) },
            try ["", "j l", "G"].map { try make("matrix " + $0, "acme", keys: $0, model: model()) },
            try ["a", "a j", "a l", "a G", "a a", "a s"].map { try make("question " + $0, keys: $0, model: model()) },
            try ["", "j", "G", "]"].map { try make("detail " + $0, "acme/consumer/train-on-inputs", width: 40, height: 12, keys: $0, model: model()) },
            try ["", "G", "h", "h j", ": 4", ": 4 ↓", ": 4 . 3 ←", ": x y z", "r"].map { try make("reader " + $0, "acme/terms:4.3", width: 120, height: 30, keys: $0, model: model()) },
            try ["d", "d j", "d G", "d Space"].map { try make("documents " + $0, "acme", keys: $0, model: model()) }
                + [try make("documents with a counterpart", "deepseek", keys: "d", model: TestCatalog.model(sample: TestCatalog.sampleExists))],
            try ["t", "t j", "t G"].map { try make("timeline " + $0, "acme", keys: $0, model: model()) },
            try ["d j v", "d j v j", "d j v Space"].map { try make("versions " + $0, "acme", keys: $0, model: model()) },
            try ["d j v d", "d j v d j"].map { try make("diff " + $0, "acme", keys: $0, model: model()) },
            try ["C", "C j", "C G"].map { try make("changes " + $0, keys: $0, model: withLooks(model())) },
            try ["Space Space c", "Space Space c j l", "Space Space c G", "Space Space c : o", "Space Space c : o ↓ ←"].map { try make("vendor comparison " + $0, keys: $0, model: model()) },
            ["", "j", "G", ":", ": 4", ": 4 ↓ ←"].map { documentCompare($0, model: model()) },
            [
                try make("search prompt", keys: "/", text: "Inputs", model: model()),
                try make("search prompt, a hit down", keys: "/", text: "Inputs", after: "↓", model: model()),
                try make("search prompt with history", keys: "/", text: "Inputs", after: "Enter < / ←", model: model()),
                try make("empty search prompt with history", keys: "/", text: "Inputs", after: "Enter < / C-u", model: model()),
            ],
            try [make("search results", keys: "/", text: "Inputs", after: "Enter <", model: model()), make("search results", keys: "/", text: "Inputs", after: "Enter < j", model: model())],
            try [make("help", "acme", width: 40, height: 12, keys: "?", model: model()), make("help", "acme", width: 40, height: 12, keys: "? G", model: model())],
            try [make("link", "acme/terms", keys: "o", model: model())],
        ]
    }

    /// The model with looks as of 2026-06-15 (`FixtureCatalog.lookState`): Acme's change of
    /// 2026-01-01 unseen, Bolt's terms seen.
    static func withLooks(_ model: BrowserModel) -> BrowserModel {
        model.looks = LookRecord(state: FixtureCatalog.lookState, now: FixtureCatalog.lookNow)
        return model
    }

    /// The keys in force in a session's state, as the `?` overlay lists them.
    static func keymap(_ s: Session) -> Keymap {
        if s.state.help != nil { return Keymap(HelpView.groups(s.model.text) + [SessionAction.table(s.model.text).group]) }
        if s.state.link != nil { return Keymap(LinkView.groups(s.model.text) + [SessionAction.table(s.model.text).group]) }
        return Browser.keymap(s.state.screen, s.model)
    }
}

@Suite("Every key of the keymap")
struct KeyCoverageTests {
    @Test func noKeyMeansTwoThingsWhereItIsInForce() throws {
        for samples in try ViewSamples.all() {
            for sample in samples {
                #expect(ViewSamples.keymap(sample.session).conflicts().isEmpty, "\(sample.name)")
            }
        }
    }

    /// A key is live when pressing it changes the state, says something in the status bar, or
    /// asks the run loop for something (quit, suspend, reload). Every key the `?` overlay of a
    /// view lists must be live in some state of that view.
    @Test func everyListedKeyDoesSomethingInItsView() throws {
        for samples in try ViewSamples.all() {
            var dead: [Key: String] = [:]
            for sample in samples {
                for key in ViewSamples.keymap(sample.session).groups.flatMap({ $0.entries.flatMap(\.keys) }) {
                    var s = sample.session
                    s.state.message = nil
                    let before = s.state
                    s.press(key)
                    let live = s.state != before || s.effects.last != BrowserEffect.none
                    if live {
                        dead[key] = "live"
                    } else if dead[key] == nil {
                        dead[key] = sample.name
                    }
                }
            }
            let unhandled = dead.filter { $0.value != "live" }
            #expect(unhandled.isEmpty, "keys listed but doing nothing: \(unhandled.map { "\($0.key.name) in \($0.value)" })")
        }
    }

    @Test func theViewsCoverEveryTableOfTheKeymap() throws {
        let listed = Set(BrowserKeys.keymap(.en).groups.map(\.title))
        var seen = Set<String>()
        for samples in try ViewSamples.all() {
            for sample in samples { seen.formUnion(ViewSamples.keymap(sample.session).groups.map(\.title)) }
        }
        #expect(listed.subtracting(seen).isEmpty, "tables no sample reaches: \(listed.subtracting(seen))")
    }

    @Test func aKeyThatDoesNothingHereSaysWhy() throws {
        // The document comparison: h and l (not keys of this view).
        for key in ["h", "l"] {
            var s = ViewSamples.documentCompare("j").session
            s.type(key)
            #expect(s.state.message != nil, "\(key) in the document comparison")
            #expect(s.lines.last?.contains(s.state.message ?? "-") == true)
        }
        // The reader without room for the outline.
        var reader = try Session(model: TestCatalog.fixture(), width: 80, height: 24, at: "acme/terms:4.3")
        reader.type("h")
        #expect(reader.state.message?.contains("100 columns") == true)
        // A cell without a verdict, a verdict without evidence.
        var detail = try Session(model: TestCatalog.fixture(), at: "acme/api/training-opt-out")
        detail.type("Enter")
        #expect(detail.state.message == detail.model.text.noEvidence)
        guard case .detail = detail.state.screen else { Issue.record("Enter without evidence stays"); return }
    }
}
