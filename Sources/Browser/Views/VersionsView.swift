import PolicyModel
import TerminalUI
import TextCells

/// A document's versions, newest first, with what each changed against the one before; those
/// that brought in or took out quoted text marked.
public struct VersionsView: BrowserView {
    public var vendor: String
    public var document: String
    public var list = ListState()
    /// Hide versions that change nothing but noise.
    public var hideNoise = false

    public init(vendor: String, document: String) {
        self.vendor = vendor
        self.document = document
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, diff, noise
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Versions", "版本"), [
                Binding(named("Enter"), .open, hint: t.pick("read", "阅读"), help: t.pick("Read this version", "阅读此版本")),
                Binding(named("d"), .diff, hint: t.pick("diff", "差异"), help: t.pick("Changes against the previous version", "与上一版本的差异")),
                Binding(named("x"), .noise, hint: t.pick("hide noise", "隐藏噪音"), help: t.pick("Hide or show versions that change only noise", "隐藏或显示仅有噪音改动的版本")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .versions(self) }

    /// The steps shown, newest first (noise-only versions hidden when asked).
    func steps(_ history: [VersionStep]) -> [VersionStep] {
        let all = history.reversed()
        return hideNoise ? all.filter { $0.status == .real || $0.status == .first } : Array(all)
    }

    func loadSteps(_ env: ViewEnv) -> [VersionStep] {
        guard let doc = env.catalog.document(vendor: vendor, id: document) else { return [] }
        return steps(env.model.loadHistory(of: doc))
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let shown = loadSteps(env)
        switch action {
        case .move(let move):
            move.apply(to: &list, count: shown.count, height: Layout.content(env.size).height)
        case .open:
            guard let step = shown[safe: list.selected] else { return }
            env.open(.reader(ReaderView(vendor: vendor, document: document, version: step.version.date)))
        case .diff:
            guard let step = shown[safe: list.selected], let doc = env.catalog.document(vendor: vendor, id: document),
                  let index = doc.versions.firstIndex(where: { $0.date == step.version.date }), index > 0 else {
                env.say(env.text.noPrevious)
                return
            }
            env.open(.diff(DiffView(vendor: vendor, document: document, old: doc.versions[index - 1].date, new: step.version.date)))
        case .noise:
            hideNoise.toggle()
            list = ListState()
        }
    }

    mutating func prepare(_ env: inout ViewEnv) {
        _ = loadSteps(env)
        if let doc = env.catalog.document(vendor: vendor, id: document) { env.model.loadQuotePresence(of: doc) }
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        env.catalog.document(vendor: vendor, id: document) != nil
    }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        guard let doc = model.catalog.document(vendor: vendor, id: document) else { return [] }
        let t = model.text
        let shown = steps(model.history(of: doc) ?? [])
        Drawing.header([Span(doc.title.text(model.language), Style(.title, [.bold])),
                        Span(" — \(t.versions(shown.count))" + (hideNoise ? " (\(t.noiseHidden))" : ""), .title)], size: size, into: &buffer)
        let items = shown.map { step -> ListItem in
            let (mark, label, role): (String, String, Role) = {
                switch step.status {
                case .first: return ("○", t.firstVersion, .dim)
                case .real: return ("●", "+\(step.added) −\(step.removed) ~\(step.changed)", .normal)
                case .noise: return ("·", t.noiseOnly, .dim)
                case .identical: return ("·", t.identical, .dim)
                case .repeated: return ("↺", t.repeated, .dim)
                case .unreadable: return ("!", step.problem ?? "unreadable", .warning)
                }
            }()
            let quotes = model.quotesTouched(by: step, in: doc)
            let touched = quotes > 0 ? [Span("  ⚠ " + t.touchesQuotes(quotes), Style(.warning, [.bold]))] : []
            return ListItem([Span(step.version.date.description + "  ", .dim), Span(mark + " ", Style(role)), Span(label, Style(role))] + touched,
                            trailing: [Span(step.version.origin == .data ? "data" : "", .dim)])
        }
        ListView.render(items, state: list, in: Layout.content(size), into: &buffer)
        return [doc.ref, t.versionsTitle]
    }
}
