extension DiffSpan {
    public init(_ op: Op, _ text: String) {
        self.op = op
        self.text = text
    }
}

/// wdiff's marks, as `termlens diff` prints a change and the browser draws one on a terminal
/// without colour: `[-removed-]` and `{+added+}`. The white space after a change stays outside
/// its marks, except between a removal and the addition that replaces it, where none is kept.
/// Markdown's `*` is noise to the diff, so it is not shown either (`1.**Services**` reads
/// `1.Services`); the spans themselves (and `diff --json`) keep the raw text.
public enum WdiffMarks {
    public static func marked(_ raw: [DiffSpan]) -> [DiffSpan] {
        let spans = raw.compactMap { span -> DiffSpan? in
            let text = span.text.filter { $0 != "*" }
            return text.isEmpty && !span.text.isEmpty ? nil : DiffSpan(span.op, text)
        }
        var out: [DiffSpan] = []
        for (i, span) in spans.enumerated() {
            guard span.op != .equal else {
                out.append(span)
                continue
            }
            var body = span.text
            while body.last?.isWhitespace == true { body.removeLast() }
            let spaces = String(span.text.dropFirst(body.count))
            out.append(DiffSpan(span.op, span.op == .removed ? "[-" + body + "-]" : "{+" + body + "+}"))
            let replaced = span.op == .removed && i + 1 < spans.count && spans[i + 1].op == .added
            if !spaces.isEmpty && !replaced { out.append(DiffSpan(.equal, spaces)) }
        }
        return out
    }

    /// A whole added or removed passage, marked.
    public static func marked(_ text: String, _ op: DiffSpan.Op) -> String {
        marked([DiffSpan(op, text)]).map(\.text).joined()
    }
}
