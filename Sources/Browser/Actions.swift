import PolicyModel
import TerminalUI

/// What each view does with an action from the keymap.
enum Actions {
    static func perform(_ action: String, key: Key, _ state: inout BrowserState, model: BrowserModel) {
        let catalog = model.catalog
        let page = max(1, Layout.content(state.size).height - 1)
        switch state.screen {
        case .vendors(var s):
            let count = catalog.vendors.count
            if moveList(action, key: key, &s.list, count: count, page: page) {
                state.screen = .vendors(s)
                return
            }
            guard s.list.selected < count else { return }
            let vendor = catalog.vendors[s.list.selected].id
            switch action {
            case "mark":
                if let i = s.marked.firstIndex(of: vendor) { s.marked.remove(at: i) } else { s.marked.append(vendor) }
                s.list.move(by: 1, count: count)
                state.screen = .vendors(s)
            case "compare":
                let vendors = s.marked.isEmpty ? [vendor] : catalog.vendors.map(\.id).filter(s.marked.contains)
                state.open(.compare(CompareScreen(columns: CompareActions.columns(for: vendors, model: model))))
            case "open":
                // A service without verdicts has no matrix: its documents are what there is.
                let analysed = catalog.vendors[s.list.selected].analysed
                state.open(analysed ? .matrix(MatrixScreen(vendor: vendor)) : .documents(DocumentListScreen(vendor: vendor)))
            case "documents": state.open(.documents(DocumentListScreen(vendor: vendor)))
            case "timeline": state.open(.timeline(TimelineScreen(vendor: vendor)))
            default: break
            }

        case .matrix(var s):
            guard let vendor = catalog.vendor(s.vendor) else { return }
            let rows = catalog.questions.count
            let cols = vendor.surfaces.count
            if moveTable(action, &s.table, rows: rows, columns: cols) {
                state.screen = .matrix(s)
                return
            }
            switch action {
            case "digit":
                if case .character(let c) = key, let n = c.wholeNumberValue, n >= 1 {
                    s.table.move(rows: (n - 1) - s.table.row, rowCount: rows, columnCount: cols)
                }
            case "documents":
                state.open(.documents(DocumentListScreen(vendor: s.vendor)))
                return
            case "timeline":
                state.open(.timeline(TimelineScreen(vendor: s.vendor)))
                return
            case "open":
                guard s.table.row < rows, s.table.column < cols else { return }
                let ref = VerdictRef(vendor: s.vendor, surface: vendor.surfaces[s.table.column].id, question: catalog.questions[s.table.row].id)
                if vendor.verdict(surface: ref.surface, question: ref.question) != nil {
                    state.open(.detail(DetailScreen(verdict: ref)))
                } else {
                    state.message = model.text.noVerdict
                }
                return
            default: return
            }
            state.screen = .matrix(s)

        case .detail(var s):
            let evidence = catalog.vendor(s.verdict.vendor)?.verdict(surface: s.verdict.surface, question: s.verdict.question)?.evidence ?? []
            if moveList(action, key: key, &s.evidence, count: evidence.count, page: 1) {
                state.screen = .detail(s)
                return
            }
            if action == "open", s.evidence.selected < evidence.count {
                state.open(.clause(ClausePane.screen(for: evidence[s.evidence.selected], from: s.verdict, index: s.evidence.selected, model: model)))
                ClausePane.prepare(&state, model: model)
            }

        case .documents(var s):
            let docs = catalog.vendor(s.vendor)?.documents ?? []
            if moveList(action, key: key, &s.list, count: docs.count, page: page) {
                state.screen = .documents(s)
                return
            }
            guard s.list.selected < docs.count else { return }
            if action == "open" {
                state.open(.clause(ClauseScreen(vendor: s.vendor, document: docs[s.list.selected].id, version: nil)))
                ClausePane.prepare(&state, model: model)
            } else if action == "versions" {
                state.open(.versions(VersionsScreen(vendor: s.vendor, document: docs[s.list.selected].id)))
            }

        case .timeline(var s):
            let count = Timeline.entries(s.vendor, model: model).count
            if moveList(action, key: key, &s.list, count: count, page: page) {
                state.screen = .timeline(s)
            }

        case .clause:
            ClausePane.perform(action, &state, model: model)

        case .search:
            break

        case .compare(var s):
            CompareActions.perform(action, &s, &state, model: model)

        case .versions(var s):
            VersionActions.perform(action, key: key, &s, &state, model: model)

        case .diff(var s):
            VersionActions.perform(action, key: key, &s, &state, model: model)

        case .documentCompare(var s):
            DocumentCompareActions.perform(action, &s, &state, model: model)
        }
    }

    /// Movement keys shared by the tables (matrix, comparison); true when the action was one of them.
    static func moveTable(_ action: String, _ table: inout TableState, rows: Int, columns: Int) -> Bool {
        switch action {
        case "up": table.move(rows: -1, rowCount: rows, columnCount: columns)
        case "down": table.move(rows: 1, rowCount: rows, columnCount: columns)
        case "left": table.move(columns: -1, rowCount: rows, columnCount: columns)
        case "right": table.move(columns: 1, rowCount: rows, columnCount: columns)
        case "top": table.move(rows: -rows, rowCount: rows, columnCount: columns)
        case "bottom": table.move(rows: rows, rowCount: rows, columnCount: columns)
        default: return false
        }
        return true
    }

    /// Movement keys shared by every list; true when the action was one of them.
    static func moveList(_ action: String, key: Key, _ list: inout ListState, count: Int, page: Int) -> Bool {
        switch action {
        case "up": list.move(by: -1, count: count)
        case "down": list.move(by: 1, count: count)
        case "top": list.select(0, count: count)
        case "bottom": list.select(count - 1, count: count)
        case "pageUp": list.move(by: -page, count: count)
        case "pageDown": list.move(by: page, count: count)
        case "digit":
            guard case .character(let c) = key, let n = c.wholeNumberValue, n >= 1 else { return true }
            list.select(n - 1, count: count)
        default: return false
        }
        return true
    }
}
