/// A snippet's Markdown and HTML shown as plain text: `<br>` as a space, a line's heading
/// marks (`### `) and list marker (`*   ` as `• `) dropped or drawn, `[text](#anchor)` as
/// `text`, `**` and the backslash of `\.` dropped. `position` maps each excerpt offset (and
/// its end) to the offset in the plain text, so match ranges can follow.
struct SnippetMarkup {
    var plain: [Unicode.Scalar] = []
    /// `position[i]`: where excerpt scalar `i` lands in `plain` (or would, when dropped).
    var position: [Int] = []

    /// Whether `excerpt` may hold markup at all (most lines do not: they are copied as they are).
    static func mayHoldMarkup<S: Sequence<Unicode.Scalar>>(_ excerpt: S) -> Bool {
        excerpt.contains { $0 == "<" || $0 == "#" || $0 == "[" || $0 == "*" || $0 == "\\" || $0 == "-" || $0 == ">" }
    }

    /// `atLineStart`: the excerpt begins where its line does, so heading and list marks count.
    init(_ s: [Unicode.Scalar], atLineStart: Bool) {
        position.reserveCapacity(s.count + 1)
        var i = 0
        func drop(_ n: Int) {
            for _ in 0..<n { position.append(plain.count) }
            i += n
        }
        func keep(_ scalar: Unicode.Scalar) {
            position.append(plain.count)
            plain.append(scalar)
            i += 1
        }
        if atLineStart {
            // Blockquote marks (`> `, nested `> > `) are dropped.
            while i < s.count && s[i] == ">" {
                drop(1)
                if i < s.count && s[i] == " " { drop(1) }
            }
            var hashes = 0
            while i + hashes < s.count && s[i + hashes] == "#" { hashes += 1 }
            if (1...6).contains(hashes) && i + hashes < s.count && s[i + hashes] == " " {
                drop(hashes + 1)
            } else if i + 1 < s.count, s[i] == "*" || s[i] == "-", s[i + 1] == " " {
                keep("•")
                keep(" ")
                while i < s.count && s[i] == " " { drop(1) }
            }
        }
        while i < s.count {
            let c = s[i]
            if c == "<", let n = Self.lineBreakTag(s, at: i) {
                if plain.last == " " { drop(n) } else { keep(" "); drop(n - 1) }
            } else if c == "[", let (close, end) = Self.link(s, at: i) {
                drop(1)
                while i < close {
                    if s[i] == "\\", i + 1 < close, Self.isEscapable(s[i + 1]) { drop(1) }
                    keep(s[i])
                }
                drop(end - close)
            } else if c == "*", i + 1 < s.count, s[i + 1] == "*" {
                drop(2)
            } else if c == "\\", i + 1 < s.count, Self.isEscapable(s[i + 1]) {
                drop(1)
                keep(s[i])
            } else {
                keep(c)
            }
        }
        position.append(plain.count)
    }

    /// ASCII punctuation, which Markdown lets a backslash escape.
    static func isEscapable(_ scalar: Unicode.Scalar) -> Bool {
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// The length of `<br>`, `<br/>` or `<br />` (any case) at `i`.
    static func lineBreakTag(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i + 1
        guard j + 1 < s.count, s[j] == "b" || s[j] == "B", s[j + 1] == "r" || s[j + 1] == "R" else { return nil }
        j += 2
        while j < s.count && s[j] == " " { j += 1 }
        if j < s.count && s[j] == "/" { j += 1 }
        guard j < s.count, s[j] == ">" else { return nil }
        return j + 1 - i
    }

    /// A whole link `[text](target)` at `i`: the offset of its `]` and its end.
    static func link(_ s: [Unicode.Scalar], at i: Int) -> (close: Int, end: Int)? {
        var j = i + 1
        while j < s.count && s[j] != "]" && s[j] != "[" { j += 1 }
        guard j + 1 < s.count, s[j] == "]", s[j + 1] == "(", j > i + 1 else { return nil }
        var k = j + 2
        while k < s.count && s[k] != ")" && s[k] != " " { k += 1 }
        guard k < s.count, s[k] == ")" else { return nil }
        return (j, k + 1)
    }
}

extension String {
    /// The text with each `<br>` (`<br/>`, `<BR />`) replaced by `separator`: a quote taken
    /// from a table cell shows its line breaks (the quote itself stays verbatim in the data).
    public func replacingLineBreakTags(with separator: String) -> String {
        let s = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            if s[i] == "<", let n = SnippetMarkup.lineBreakTag(s, at: i) {
                out.append(contentsOf: separator.unicodeScalars)
                i += n
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(out)
    }
}
