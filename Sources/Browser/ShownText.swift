import PolicyModel
import TerminalUI
import TextCells

/// A version's text as the reader shows it, wrapped to a width: its Markdown rendered
/// (headings, emphasis, links, bullets, tables), or the file as it is. Quotes, sections and
/// scroll anchors are raw offsets of the file; this maps them to what is shown and back.
struct ShownText {
    let wrapped: WrappedText
    /// nil when the raw file is shown (then shown offsets are raw offsets).
    let markdown: RenderedMarkdown?
    /// How rendered Markdown is styled (empty for the raw file).
    let marks: [TextMark]

    init(raw text: PreparedText, width: Int, policy: WidthPolicy) {
        wrapped = WrappedText(text.text(0, text.raw.count), width: max(1, width), policy: policy)
        markdown = nil
        marks = []
    }

    init(rendered markdown: RenderedMarkdown, width: Int, policy: WidthPolicy) {
        wrapped = WrappedText(markdown.string, width: max(1, width), policy: policy, hangingLists: true)
        self.markdown = markdown
        marks = markdown.spans.map { TextMark($0.range, Self.style(of: $0.style)) }
    }

    /// Headings bold, bold bold, italics underlined (as less shows them), links underlined in
    /// their own role, drawn bullets and borders dim.
    static func style(of style: RenderedMarkdown.Style) -> Style {
        switch style {
        case .heading: return Style(.heading, [.bold])
        case .bold: return Style(.normal, [.bold])
        case .italic: return Style(.normal, [.underline])
        case .link: return Style(.link, [.underline])
        case .decoration: return Style(.dim)
        }
    }

    /// Where raw offset `raw` is shown (the next shown scalar when it is markup).
    func shown(raw: Int) -> Int { markdown?.firstIndex(atOrAfter: raw) ?? raw }

    /// The raw offset shown scalar `shown` stands for.
    func raw(shown: Int) -> Int { markdown?.rawOffset(rendered: shown) ?? shown }

    /// The shown range of raw `range` (a quote's highlight).
    func shown(_ range: Range<Int>) -> Range<Int> {
        markdown?.renderedRange(rawStart: range.lowerBound, rawEnd: range.upperBound) ?? range
    }

    /// The display line showing raw offset `raw`.
    func line(ofRaw raw: Int) -> Int { wrapped.line(containing: shown(raw: raw)) }

    /// The raw offset of the first thing display line `line` shows.
    func rawStart(ofLine line: Int) -> Int {
        raw(shown: wrapped.lines[safe: line]?.range.lowerBound ?? 0)
    }

    /// The raw offset of what is drawn at `column` of display line `line`.
    func rawOffset(line: Int, column: Int) -> Int {
        raw(shown: wrapped.offset(line: line, column: column))
    }

    /// The link drawn at a shown offset, if any.
    func link(atShown offset: Int) -> String? {
        markdown?.links.first { $0.range.contains(offset) }?.url
    }
}
