/// A changed paragraph shortened around its changes, as `termlens diff` prints it and the
/// browser's diff view draws it: unchanged stretches much longer than `context` characters keep
/// about `context` characters next to each change, cut at a space where there is one, with `…`
/// where text was cut. Removed and added words are always kept whole, so a change at the end
/// of a long paragraph still shows.
public enum DiffExcerpt {
    /// A stretch at most this much longer than what would be kept is not worth cutting.
    static let slack = 10

    public static func shortened(_ spans: [DiffSpan], context: Int) -> [DiffSpan] {
        let context = max(1, context)
        return spans.enumerated().map { i, span in
            guard span.op == .equal else { return span }
            let chars = Array(span.text)
            let first = i == 0, last = i == spans.count - 1
            let text: String
            if first && last {
                text = span.text
            } else if !first && !last && chars.count > context * 2 + slack {
                text = head(chars, context) + " … " + tail(chars, context)
            } else if first && chars.count > context + slack {
                text = "… " + tail(chars, context)
            } else if last && chars.count > context + slack {
                text = head(chars, context) + " …"
            } else {
                text = span.text
            }
            return DiffSpan(.equal, text)
        }
    }

    /// About the first `count` characters, ending before a space if one is in their second half.
    static func head(_ chars: [Character], _ count: Int) -> String {
        let kept = chars.prefix(count)
        guard let space = kept.lastIndex(where: \.isWhitespace), space >= count / 2 else { return String(kept) }
        return String(kept[..<space])
    }

    /// About the last `count` characters, starting after a space if one is in their first half.
    static func tail(_ chars: [Character], _ count: Int) -> String {
        let kept = chars.suffix(count)
        guard let space = kept.firstIndex(where: \.isWhitespace), space - kept.startIndex < count / 2 else { return String(kept) }
        return String(kept[(space + 1)...])
    }
}
