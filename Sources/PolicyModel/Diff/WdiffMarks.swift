extension DiffSpan {
    public init(_ op: Op, _ text: String) {
        self.op = op
        self.text = text
    }
}

/// wdiff's marks, as `termlens diff` prints a change and the browser draws one on a terminal
/// without colour: `[-removed-]` and `{+added+}`. The white space after a change stays outside
/// its marks, except between a removal and the addition that replaces it, where none is kept.
/// Markdown's `*` and a link's markup are noise to the diff, so they are not shown either
/// (`1.**Services**` reads `1.Services`, `[Previous Version](https://…)` reads `Previous
/// Version`); the spans themselves (and `diff --json`) keep the raw text.
public enum WdiffMarks {
    public static func marked(_ raw: [DiffSpan]) -> [DiffSpan] {
        let spans = withoutMarkup(raw)
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

    /// The spans without `*` and without links' markup (`[`, and `](target)`), a link being
    /// found in the old text (kept and removed spans) and in the new (kept and added), across
    /// spans; a span left empty is dropped.
    static func withoutMarkup(_ raw: [DiffSpan]) -> [DiffSpan] {
        let chars = raw.flatMap { span in span.text.map { ($0, span.op) } }
        var hidden = chars.map { $0.0 == "*" }
        for side in [DiffSpan.Op.removed, .added] {
            let indices = chars.indices.filter { chars[$0].1 == .equal || chars[$0].1 == side }
            let text = indices.map { chars[$0].0 }
            for k in linkMarkup(text) { hidden[indices[k]] = true }
        }
        var out: [DiffSpan] = []
        var k = 0
        for span in raw {
            var text = ""
            for c in span.text {
                if !hidden[k] { text.append(c) }
                k += 1
            }
            if !text.isEmpty || span.text.isEmpty { out.append(DiffSpan(span.op, text)) }
        }
        return out
    }

    /// Positions of links' markup in `text`: the `[` of `[text](target)` and `](target)`.
    private static func linkMarkup(_ text: [Character]) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i < text.count {
            guard text[i] == "[", let close = text[(i + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" || $0 == "\n" }),
                  text[close] == "]", close + 1 < text.count, text[close + 1] == "(",
                  let end = text[(close + 2)...].firstIndex(where: { $0 == ")" || $0 == " " || $0 == "\n" }), text[end] == ")" else {
                i += 1
                continue
            }
            out.append(i)
            out += Array(close...end)
            i = end + 1
        }
        return out
    }

    /// A whole added or removed passage, marked.
    public static func marked(_ text: String, _ op: DiffSpan.Op) -> String {
        marked([DiffSpan(op, text)]).map(\.text).joined()
    }
}
