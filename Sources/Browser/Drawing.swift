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

    /// The answer as symbol and word, styled by role but never by colour alone.
    static func answer(_ answer: Answer, _ language: Language) -> Span {
        Span("\(answer.symbol) \(answer.word(language))", Style(role(of: answer), [.bold]))
    }

    static func role(of answer: Answer) -> Role {
        switch answer {
        case .yes: return .answerYes
        case .no: return .answerNo
        case .conditional: return .answerConditional
        case .silent: return .answerSilent
        case .notApplicable: return .answerNotApplicable
        case .unknown: return .answerUnknown
        }
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
