import PolicyModel
import TerminalUI
import TextCells

/// The text of one change as the diff view draws it: removed words in wdiff's `[-…-]` marks and
/// red, added words in `{+…+}` and green, as `termlens diff` prints them. The marks are there
/// in colour too, so the diff never relies on red against green alone and a replacement never
/// runs into the text it replaces. A changed paragraph is shortened to about a line around each
/// change, then wrapped to the width with its styles.
enum DiffBody {
    /// A wholly added or removed paragraph shows its start; a changed one its excerpt.
    static let wholeLines = 4
    static let excerptLines = 8

    static func lines(_ change: TextChange, width: Int, model: BrowserModel) -> [[Span]] {
        var pieces: [DiffSpan]
        switch change.kind {
        case .changed where !change.spans.isEmpty: pieces = change.spans
        case .removed: pieces = [DiffSpan(.removed, change.oldText ?? "")]
        case .added: pieces = [DiffSpan(.added, change.newText ?? "")]
        case .changed: pieces = [DiffSpan(.equal, change.newText ?? change.oldText ?? "")]
        }
        pieces = WdiffMarks.marked(pieces)
        if change.kind == .changed { pieces = DiffExcerpt.shortened(pieces, context: width) }
        let limit = change.kind == .changed ? excerptLines : wholeLines
        return wrapped(pieces.map { Span($0.text, style($0.op)) }, width: width, policy: model.policy, limit: limit)
    }

    static func style(_ op: DiffSpan.Op) -> Style {
        switch op {
        case .equal: .normal
        case .removed: Style(.removed)
        case .added: Style(.added)
        }
    }

    /// `spans` wrapped to `width`, each glyph keeping the style of the span it came from; at
    /// most `limit` lines, then `…`.
    static func wrapped(_ spans: [Span], width: Int, policy: WidthPolicy, limit: Int) -> [[Span]] {
        let text = WrappedText(spans.map(\.text).joined(), width: max(4, width), policy: policy)
        // The scalar offset where each span ends.
        var ends: [Int] = []
        for span in spans { ends.append((ends.last ?? 0) + span.text.unicodeScalars.count) }
        var lines: [[Span]] = []
        var spanIndex = 0
        for n in text.lines.indices.prefix(limit) {
            var line: [Span] = []
            for glyph in text.glyphs(inLine: n) {
                while spanIndex < ends.count - 1 && glyph.sourceOffset >= ends[spanIndex] { spanIndex += 1 }
                line.append(Span(glyph.text, spans[safe: spanIndex]?.style ?? .normal))
            }
            lines.append(line)
        }
        if text.lines.count > limit { lines.append([Span("…", .dim)]) }
        return lines
    }
}
