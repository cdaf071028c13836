import PolicyModel
import TerminalUI
import TextCells

/// The first view: every analysed vendor with its surfaces and answer counts, then, under a
/// heading the selection passes over, the services of the sources without verdicts with their
/// document and version counts (`VendorRows`). Space marks vendors for `c` to compare side by side.
public struct VendorListView: ListClicking {
    public var list = ListState()
    /// Vendors marked with Space, in the order they were marked.
    public var marked: [String] = []

    public init() {}

    init(selecting vendor: String, in catalog: Catalog) {
        let rows = VendorRows(catalog)
        list.select(rows.index(of: vendor) ?? 0, count: rows.count, skipping: rows.headings)
    }

    enum Action: Hashable, Sendable {
        case move(ListMove)
        case open, documents, timeline, mark, unmark, compare, across, changes
    }

    static func keys(_ t: UIText) -> [KeyTable<Action>] {
        [
            KeyTable(t.pick("Vendor list", "厂商列表"), [
                Binding(named("Enter"), .open, hint: t.pick("verdicts", "结论"), help: t.pick("Open the vendor's verdicts (surfaces × questions)", "打开该厂商的结论矩阵（产品 × 问题）")),
                Binding(named("d"), .documents, hint: t.pick("docs", "文档"), help: t.pick("The vendor's documents and versions", "该厂商的文档与版本")),
                Binding(named("t"), .timeline, help: t.pick("The vendor's timeline: events and document versions", "时间线：事件与文档版本")),
                Binding(named("Space"), .mark, hint: t.pick("mark", "标记"), help: t.pick("Mark or unmark the vendor for comparison (* on its row)", "标记或取消标记以便比较（行首显示 *）")),
                Binding(named("u"), .unmark, help: t.pick("Clear every mark", "清除所有标记")),
                Binding(named("c"), .compare, hint: t.pick("compare", "比较"), help: t.pick("Compare the marked vendors (or this one) side by side", "并排比较已标记的厂商（或当前厂商）")),
                Binding(named("a"), .across, help: t.pick("One question across every vendor, grouped by answer (the first; ←/→ the others)", "一个问题在所有厂商的答案，按答案分组（第一个问题；←/→ 切换）")),
                Binding(named("C"), .changes, hint: t.pick("changes", "改动"), help: t.pick("What changed since the last look (●n new: changes not yet seen)", "上次查看以来的改动（●n 新：尚未看过的改动）")),
            ]),
            ListMove.table(t).map(Action.move),
        ]
    }

    var screen: Screen { .vendors(self) }

    static func listRect(_ size: Size, _ model: BrowserModel) -> Rect {
        let area = Layout.content(size)
        return area.inset(bottom: legendHeight(area, model))
    }

    /// A blank line, the answers' symbols and, when there are colours, what they mean; left
    /// out on a short screen, where vendors need the rows more (`?` shows the same legend).
    static func legendHeight(_ area: Rect, _ model: BrowserModel) -> Int {
        guard area.height >= 16 else { return 0 }
        return model.monochrome ? 2 : 3
    }

    mutating func update(_ action: Action, _ env: inout ViewEnv) {
        let rows = VendorRows(env.catalog)
        let t = env.text
        switch action {
        case .across:
            if let first = env.catalog.questions.first { env.open(.question(QuestionView(question: first.id))) }
            return
        case .move(let move):
            move.apply(to: &list, count: rows.count, height: Self.listRect(env.size, env.model).height, skipping: rows.headings)
            return
        case .changes:
            env.open(.changes(ChangesView()))
            return
        default:
            break
        }
        guard let vendor = rows.vendor(at: list.selected) else {
            env.say(t.noVendors)
            return
        }
        switch action {
        case .move, .across, .changes: break
        case .open:
            // A service without verdicts has no matrix: its documents are what there is.
            env.open(vendor.analysed ? .matrix(MatrixView(vendor: vendor.id)) : .documents(DocumentListView(vendor: vendor.id)))
        case .documents: env.open(.documents(DocumentListView(vendor: vendor.id)))
        case .timeline: env.open(.timeline(TimelineView(vendor: vendor.id)))
        case .mark:
            if let i = marked.firstIndex(of: vendor.id) { marked.remove(at: i) } else { marked.append(vendor.id) }
            ListMove.down.apply(to: &list, count: rows.count, height: Self.listRect(env.size, env.model).height, skipping: rows.headings)
        case .unmark:
            if marked.isEmpty { env.say(t.nothingMarked) } else { marked.removeAll() }
        case .compare:
            // The marks are used up by the comparison they make.
            let chosen = marked.isEmpty ? [vendor.id] : rows.vendors.map(\.id).filter(marked.contains)
            marked.removeAll()
            env.open(.compare(VendorCompareView(vendors: chosen, in: env.catalog)))
        }
    }

    mutating func prepare(_ env: inout ViewEnv) {
        env.model.prepareChanges()
        // Never on the heading, even when there is no analysed vendor above it.
        let rows = VendorRows(env.catalog)
        list.select(list.selected, count: rows.count, skipping: rows.headings)
    }

    mutating func reloaded(_ env: inout ViewEnv) -> Bool {
        marked = marked.filter { env.catalog.vendor($0) != nil }
        let rows = VendorRows(env.catalog)
        list.select(list.selected, count: rows.count, skipping: rows.headings)
        return true
    }

    func clickableCount(_ env: ViewEnv) -> Int { VendorRows(env.catalog).count }
    func headingRows(_ env: ViewEnv) -> Set<Int> { VendorRows(env.catalog).headings }
    static var followAction: Action { .open }
    func clickableRect(_ env: ViewEnv) -> Rect { Self.listRect(env.size, env.model) }

    func render(_ model: BrowserModel, size: Size, into buffer: inout CellBuffer) -> [String] {
        let t = model.text
        let catalog = model.catalog
        let others = catalog.vendors.count - catalog.analysedVendors.count
        let sourcesNote = catalog.sources.isEmpty ? " · " + t.notLoaded : others > 0 ? " · " + t.servicesWithoutVerdicts(others) : ""
        let unseen = model.unseenCount()
        let unseenNote = unseen > 0 ? [Span(" · ", .title), Span(t.unseenNote(unseen), Style(.title, [.bold]))] : []
        Drawing.header([Span(t.appName, Style(.title, [.bold])), Span(" — " + t.vendors, .title)] + unseenNote + [Span(sourcesNote, .title)],
                       size: size, into: &buffer)
        let area = Layout.content(size)
        // As wide as the longest name, up to a third of the screen.
        let nameWidth = min(catalog.analysedVendors.map { $0.name.cellWidth(buffer.policy) }.max() ?? 8, max(8, area.width / 3))
        let items: [ListItem] = VendorRows(catalog).rows.map { row in
            switch row {
            case .heading(let services): return .heading([Span(t.notAnalysedHeading(services), Style(.heading, [.bold]))])
            case .vendor(let v): return item(v, nameWidth: nameWidth, model: model, policy: buffer.policy)
            }
        }
        let listRect = Self.listRect(size, model)
        ListView.render(items, state: list, in: listRect, into: &buffer)
        if Self.legendHeight(area, model) > 0 {
            let legend = Answer.allCases.map { "\($0.symbol) \($0.word(model.language))" }.joined(separator: "  ")
            Drawing.lines([[Span(" " + legend, .dim)], [Span(" ")] + Drawing.toneLegend(model)], in: area.inset(top: listRect.height + 1), into: &buffer)
        }
        return [marked.isEmpty ? t.vendors : t.vendors + " · " + t.marked(marked.count)]
    }

    /// A vendor's row: its answer counts, or for a service without verdicts its document and
    /// version counts; real changes not yet seen lead them, so that a narrow screen keeps them.
    func item(_ v: Vendor, nameWidth: Int, model: BrowserModel, policy: WidthPolicy) -> ListItem {
        let t = model.text
        let unseen = model.unseenCount(vendor: v.id)
        let badge = unseen > 0 ? [Span(t.unseenBadge(unseen), Style(.heading, [.bold])), Span(" ")] : []
        let mark = Span(marked.contains(v.id) ? "*" : " ", Style(.heading, [.bold]))
        guard v.analysed else {
            let versions = v.documents.reduce(0) { $0 + $1.versions.count }
            return ListItem([mark, Span(v.name)], trailing: badge + [Span("\(t.documentCount(v.documents.count)) · \(t.versionCount(versions))", .dim)])
        }
        func n(_ a: Answer) -> Int { v.verdicts.filter { $0.answer == a }.count }
        // Every answer, so the counts add up to the vendor's verdicts.
        let counts = Answer.allCases.map { "\($0.symbol)\(n($0))" }.joined(separator: " ")
        return ListItem([
            mark,
            Span(v.name.padded(toWidth: nameWidth, policy: policy), Style(.normal, [.bold])),
            Span(" " + (v.country ?? "  ") + "  ", .dim),
            Span(v.surfaces.map(\.id).joined(separator: ", ")),
        ], trailing: badge + [Span(counts, .dim)])
    }
}
