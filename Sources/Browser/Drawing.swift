import PolicyModel
import TerminalUI
import TextCells

/// Pieces every view draws the same way.
enum Drawing {
    /// The header line of a view.
    static func header(_ spans: [Span], size: Size, into buffer: inout CellBuffer) {
        let row = Rect(x: 0, y: 0, width: size.width, height: 1)
        buffer.fill(row, style: Style(.title))
        buffer.write(spans: [Span(" ", .title)] + spans, x: 0, y: 0, clip: row)
    }

    /// The answer as symbol and word, coloured by what it means for the user (its tone for
    /// the question), never by colour alone.
    static func answer(_ answer: Answer, to question: Question?, _ language: Language) -> Span {
        Span("\(answer.symbol) \(answer.word(language))", Style(role(of: question?.tone(of: answer) ?? .neutral), [.bold]))
    }

    static func role(of tone: AnswerTone) -> Role {
        switch tone {
        case .favourable: return .favourable
        case .unfavourable: return .unfavourable
        case .mixed: return .mixed
        case .neutral: return .neutral
        }
    }

    /// What the colours of answers mean, for a legend; nothing without colour.
    static func toneLegend(_ model: BrowserModel) -> [Span] {
        guard !model.monochrome else { return [] }
        let t = model.text
        return [Span(t.colours + ": ", .dim), Span(t.goodForYou, Style(.favourable, [.bold])), Span(" · ", .dim),
                Span(t.badForYou, Style(.unfavourable, [.bold])), Span(" · ", .dim), Span(t.mixedTone, Style(.mixed, [.bold])),
                Span(" · ", .dim), Span(t.neutralTone, Style(.neutral, [.bold]))]
    }

    /// Items (each a symbol and its meaning) laid out in lines of `width` cells, three spaces
    /// apart, as a legend; an item wider than a line has its meaning wrapped under itself.
    static func flow(_ items: [[Span]], width: Int, policy: WidthPolicy) -> [[Span]] {
        var lines: [[Span]] = []
        var line: [Span] = []
        var used = 0
        for item in items {
            let w = item.cellWidth(policy)
            if w > width, let symbol = item.first {
                if !line.isEmpty { lines.append(line) }
                let indent = symbol.text.cellWidth(policy)
                let rest = item.dropFirst().map(\.text).joined()
                let wrapped = wrap(rest.drop { $0 == " " }.description, width: width, style: item.last?.style ?? .normal, indent: indent + 1, policy: policy)
                for (i, piece) in wrapped.enumerated() {
                    lines.append(i == 0 ? [symbol, Span(" ")] + piece.map { Span(String($0.text.dropFirst(indent + 1)), $0.style) } : piece)
                }
                line = []
                used = 0
                continue
            }
            if !line.isEmpty && used + 3 + w > width {
                lines.append(line)
                line = []
                used = 0
            }
            if !line.isEmpty {
                line.append(Span("   "))
                used += 3
            }
            line += item
            used += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Text wrapped into lines of spans in one style.
    static func wrap(_ text: String, width: Int, style: Style = .normal, indent: Int = 0, policy: WidthPolicy) -> [[Span]] {
        guard width - indent > 0 else { return [] }
        let wrapped = WrappedText(text, width: width - indent, policy: policy)
        let pad = String(repeating: " ", count: indent)
        return wrapped.lines.indices.map { [Span(pad + wrapped.text(ofLine: $0), style)] }
    }

    /// Lines of spans from `rect`'s top, one per row, clipped.
    static func lines(_ lines: some Sequence<[Span]>, in rect: Rect, into buffer: inout CellBuffer) {
        for (i, line) in lines.prefix(rect.height).enumerated() {
            buffer.write(spans: line, x: rect.x, y: rect.y + i, clip: rect.row(i))
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { index >= 0 && index < count ? self[index] : nil }
}
