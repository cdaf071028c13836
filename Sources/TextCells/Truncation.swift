// Fitting one line of text into a number of cells.

public enum TruncationSide: Sendable {
    /// Keep the start, cut the end: "a long titl…".
    case end
    /// Keep the end, cut the start: "…g/path/to/it".
    case start
}

extension StringProtocol {
    /// This text as one safe line (see `Sanitizer.sanitize`) of at most
    /// `width` cells; when it is cut, `ellipsis` marks the cut. A wide glyph
    /// that would straddle the limit is left out, so the result may be one
    /// cell narrower than `width`.
    public func truncated(toWidth width: Int, policy: WidthPolicy = .standard,
                          ellipsis: String = "…", side: TruncationSide = .end) -> String {
        let line = Sanitizer.sanitize(self, policy: policy)
        guard width > 0 else { return "" }
        if line.cellWidth(policy) <= width { return line }
        let mark = ellipsis.cellWidth(policy) <= width ? Sanitizer.sanitize(ellipsis, policy: policy) : ""
        let room = width - mark.cellWidth(policy)
        switch side {
        case .end:
            return String(line.prefixFitting(room, policy: policy)) + mark
        case .start:
            let kept = String(line.reversed()).prefixFitting(room, policy: policy)
            return mark + String(kept.reversed())
        }
    }

    /// This text as one safe line padded with spaces (or truncated) to exactly
    /// `width` cells.
    public func padded(toWidth width: Int, policy: WidthPolicy = .standard, ellipsis: String = "…") -> String {
        let line = truncated(toWidth: width, policy: policy, ellipsis: ellipsis)
        return line + String(repeating: " ", count: Swift.max(0, width - line.cellWidth(policy)))
    }
}

extension String {
    /// The longest prefix that fits in `width` cells (no tabs or controls in self).
    func prefixFitting(_ width: Int, policy: WidthPolicy) -> Substring {
        var column = 0
        var end = startIndex
        for i in indices {
            let w = self[i].cellWidth(policy)
            if column + w > width { break }
            column += w
            end = index(after: i)
        }
        return self[startIndex..<end]
    }
}
