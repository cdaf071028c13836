// Display width per grapheme cluster (a Swift Character), from our own tables.

extension Character {
    /// Cells this grapheme takes on screen as termlens draws it: control and
    /// bidi characters count as their visible replacement, a tab as a full
    /// tab stop (use `WidthPolicy.tabAdvance(at:)` when the column is known),
    /// line terminators as their control picture.
    @inline(__always)
    public func cellWidth(_ policy: WidthPolicy = .standard) -> Int {
        if let ascii = asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        if self == "\t" { return policy.tabWidth }
        if let visible = Sanitizer.visibleForm(of: self) { return visible.cellWidth(policy) }
        return graphemeWidth(policy)
    }

    /// Width of a grapheme known to need no replacement.
    func graphemeWidth(_ policy: WidthPolicy) -> Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        let (kind, emoji) = UnicodeProperties.widthKind(first)
        var width: Int
        switch kind {
        case .narrow: width = 1
        case .wide: width = 2
        case .ambiguous: width = policy.ambiguousIsWide ? 2 : 1
        case .zero: width = 0
        }
        if width == 2 || scalars.count == 1 { return width }
        // A flag: two regional indicators.
        if isRegionalIndicator(first) {
            var rest = scalars.dropFirst()
            if let second = rest.popFirst(), isRegionalIndicator(second) { return 2 }
        }
        // VS16 asks for emoji presentation of a text-default emoji (⚠️, ❤️, 1️⃣).
        if emoji && scalars.contains("\u{FE0F}") { return 2 }
        return width
    }
}

@inline(__always)
func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool {
    s.value >= 0x1F1E6 && s.value <= 0x1F1FF
}

extension StringProtocol {
    /// Cells this text takes on one line starting at column 0: tabs expanded,
    /// control characters counted as their visible replacement.
    public func cellWidth(_ policy: WidthPolicy = .standard) -> Int {
        var column = 0
        for character in self {
            column += character == "\t" ? policy.tabAdvance(at: column) : character.cellWidth(policy)
        }
        return column
    }
}
