import PolicyModel
import TerminalUI
import TextCells

/// A document's versions, newest first, with what each changed against the one before.
public struct VersionsScreen: Hashable, Sendable {
    public var vendor: String
    public var document: String
    public var list = ListState()
    /// Hide versions that change nothing but noise.
    public var hideNoise = false

    public init(vendor: String, document: String) {
        self.vendor = vendor
        self.document = document
    }
}

/// The changes from one version to another, each opening in the clause pane.
public struct DiffScreen: Hashable, Sendable {
    public var vendor: String
    public var document: String
    public var old: SimpleDate
    public var new: SimpleDate
    public var list = ListState()

    public init(vendor: String, document: String, old: SimpleDate, new: SimpleDate) {
        self.vendor = vendor
        self.document = document
        self.old = old
        self.new = new
    }
}

enum VersionActions {
    /// The steps shown, newest first (noise-only versions hidden when asked).
    static func steps(_ s: VersionsScreen, model: BrowserModel) -> [VersionStep] {
        guard let doc = model.catalog.document(vendor: s.vendor, id: s.document) else { return [] }
        let all = model.history(of: doc).reversed()
        return s.hideNoise ? all.filter { $0.status == .real || $0.status == .first } : Array(all)
    }

    static func perform(_ action: String, key: Key, _ s: inout VersionsScreen, _ state: inout BrowserState, model: BrowserModel) {
        let steps = steps(s, model: model)
        if Actions.moveList(action, key: key, &s.list, count: steps.count, page: 10) {
            state.screen = .versions(s)
            return
        }
        guard let step = steps[safe: s.list.selected] else { return }
        switch action {
        case "open":
            state.screen = .versions(s)
            state.open(.clause(ClauseScreen(vendor: s.vendor, document: s.document, version: step.version.date)))
            ClausePane.prepare(&state, model: model)
        case "diff":
            guard let doc = model.catalog.document(vendor: s.vendor, id: s.document),
                  let index = doc.versions.firstIndex(where: { $0.date == step.version.date }), index > 0 else {
                state.message = model.text.noPrevious
                return
            }
            state.screen = .versions(s)
            state.open(.diff(DiffScreen(vendor: s.vendor, document: s.document, old: doc.versions[index - 1].date, new: step.version.date)))
        case "noise":
            s.hideNoise.toggle()
            s.list = ListState()
            state.screen = .versions(s)
        default: break
        }
    }

    static func changes(_ s: DiffScreen, model: BrowserModel) -> [TextChange] {
        guard let doc = model.catalog.document(vendor: s.vendor, id: s.document),
              let old = doc.version(s.old), let new = doc.version(s.new) else { return [] }
        return model.diff(old: old, new: new)
    }

    static func perform(_ action: String, key: Key, _ s: inout DiffScreen, _ state: inout BrowserState, model: BrowserModel) {
        let changes = changes(s, model: model)
        if Actions.moveList(action, key: key, &s.list, count: changes.count, page: 5) {
            state.screen = .diff(s)
            return
        }
        guard action == "open", let change = changes[safe: s.list.selected] else { return }
        state.screen = .diff(s)
        // Open the change where it is: in the new version, or in the old one for a removal.
        var clause: ClauseScreen
        if let range = change.newRange, change.kind != .removed {
            clause = ClauseScreen(vendor: s.vendor, document: s.document, version: s.new)
            clause.current = range
        } else {
            clause = ClauseScreen(vendor: s.vendor, document: s.document, version: s.old)
            clause.current = change.oldRange
        }
        state.open(.clause(clause))
        ClausePane.prepare(&state, model: model)
    }
}

enum VersionsView {
    static func render(_ s: VersionsScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        guard let doc = model.catalog.document(vendor: s.vendor, id: s.document) else { return }
        let t = model.text
        crumbs += [doc.ref, t.versionsTitle]
        let steps = VersionActions.steps(s, model: model)
        Browser.header([Span(doc.title.text(model.language), Style(.title, [.bold])),
                        Span(" — \(steps.count) \(t.versions)" + (s.hideNoise ? " (\(t.noiseHidden))" : ""), .title)], size: size, into: &buffer)
        let items = steps.map { step -> ListItem in
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
            return ListItem([Span(step.version.date.description + "  ", .dim), Span(mark + " ", Style(role)), Span(label, Style(role))],
                            trailing: [Span(step.version.origin == .data ? "data" : "", .dim)])
        }
        ListView.render(items, state: s.list, in: Layout.content(size), into: &buffer)
    }
}

enum DiffView {
    static func render(_ s: DiffScreen, model: BrowserModel, size: Size, into buffer: inout CellBuffer, crumbs: inout [String]) {
        guard let doc = model.catalog.document(vendor: s.vendor, id: s.document) else { return }
        let t = model.text
        crumbs += [doc.ref, "\(s.old) → \(s.new)"]
        let changes = VersionActions.changes(s, model: model)
        Browser.header([Span(doc.title.text(model.language), Style(.title, [.bold])),
                        Span("  \(s.old) → \(s.new)  ·  \(changes.count) \(t.changes)", .title)], size: size, into: &buffer)
        let area = Layout.content(size)
        guard !changes.isEmpty else {
            buffer.write(spans: [Span(" " + t.noChange, .dim)], x: area.x, y: area.y, clip: area.row(0))
            return
        }
        // Each change: a heading line and up to four wrapped lines of its text.
        var lines: [(spans: [Span], change: Int)] = []
        for (i, c) in changes.enumerated() {
            let mark: Span = {
                switch c.kind {
                case .added: return Span("+ " + t.added, Style(.answerYes, [.bold]))
                case .removed: return Span("− " + t.removed, Style(.answerNo, [.bold]))
                case .changed: return Span("~ " + t.changedWord, Style(.answerConditional, [.bold]))
                }
            }()
            lines.append(([Span(" "), mark] + (c.section.map { [Span("  §" + $0, .dim)] } ?? []), i))
            var body: [Span]
            if c.kind == .changed && !c.spans.isEmpty {
                body = c.spans.map { span in
                    switch span.op {
                    case .equal: return Span(span.text)
                    case .removed: return Span(span.text, Style(.answerNo, [.underline]))
                    case .added: return Span(span.text, Style(.strongHighlight, [.bold]))
                    }
                }
            } else {
                body = [Span(c.newText ?? c.oldText ?? "", c.kind == .removed ? Style(.dim) : .normal)]
            }
            let text = body.map(\.text).joined()
            let wrapped = WrappedText(text, width: max(4, area.width - 4), policy: buffer.policy)
            // Re-apply styles by walking the spans over the wrapped lines.
            var spanIndex = 0
            var spanOffset = 0
            for n in wrapped.lines.indices.prefix(4) {
                var lineSpans: [Span] = [Span("   ")]
                for glyph in wrapped.glyphs(inLine: n) {
                    while spanIndex < body.count && spanOffset >= body[spanIndex].text.unicodeScalars.count {
                        spanOffset -= body[spanIndex].text.unicodeScalars.count
                        spanIndex += 1
                    }
                    let style = spanIndex < body.count ? body[spanIndex].style : .normal
                    lineSpans.append(Span(glyph.text, style))
                    spanOffset += glyph.scalarCount
                }
                // Skip what the wrap dropped at the line end (spaces).
                if n + 1 < wrapped.lines.count {
                    let skipped = wrapped.lines[n + 1].range.lowerBound - (wrapped.glyphs(inLine: n).last.map { $0.sourceOffset + $0.scalarCount } ?? 0)
                    spanOffset += max(0, skipped)
                }
                lines.append((lineSpans, i))
            }
            if wrapped.lines.count > 4 { lines.append(([Span("   …", .dim)], i)) }
            lines.append(([], i))
        }
        let first = lines.firstIndex { $0.change == s.list.selected } ?? 0
        let top = max(0, min(first - area.height / 4, lines.count - area.height))
        for row in 0..<area.height {
            guard let line = lines[safe: top + row] else { break }
            let y = area.y + row
            if line.change == s.list.selected && !line.spans.isEmpty { buffer.put("▌", x: area.x, y: y, style: Style(.selection)) }
            buffer.write(spans: line.spans, x: area.x + 1, y: y, clip: Rect(x: area.x + 1, y: y, width: area.width - 1, height: 1))
        }
    }
}
