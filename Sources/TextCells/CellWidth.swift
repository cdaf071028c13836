// Display width per grapheme cluster (a Swift Character), from our own tables.

/// What drawing one grapheme needs to know, found in one pass over it.
public struct GlyphInfo: Sendable, Equatable {
    /// Cells it takes as termlens draws it: a control or bidi character
    /// counts as its visible replacement, a tab as a full tab stop.
    public var width: Int
    /// False when it must not reach the terminal as it is: draw
    /// `Sanitizer.visibleForm(of:)` instead (or spaces, for a tab).
    public var isSafe: Bool
    public var isTab: Bool
    /// LF, CR, CR LF, NEL, VT, FF, U+2028, U+2029.
    public var isLineTerminator: Bool
    /// The first scalar is East Asian Wide or Fullwidth.
    public var isEastAsian: Bool
    /// The first scalar, which decides the line break class.
    public var first: Unicode.Scalar
}

extension Character {
    /// Width, safety and kind of this grapheme; see `GlyphInfo`.
    public func glyphInfo(_ policy: WidthPolicy = .standard) -> GlyphInfo {
        // asciiValue is also set for CR LF, so check the range.
        if let ascii = asciiValue, ascii >= 0x20, ascii < 0x7F {
            return GlyphInfo(width: 1, isSafe: true, isTab: false, isLineTerminator: false, isEastAsian: false,
                             first: Unicode.Scalar(ascii))
        }
        var scalars = unicodeScalars.makeIterator()
        guard let first = scalars.next() else {
            return GlyphInfo(width: 0, isSafe: true, isTab: false, isLineTerminator: false, isEastAsian: false, first: " ")
        }
        if first == "\t" && self == "\t" {
            return GlyphInfo(width: policy.tabWidth, isSafe: false, isTab: true, isLineTerminator: false, isEastAsian: false, first: first)
        }
        let (kind, emoji) = UnicodeProperties.widthKind(first)
        var width: Int
        switch kind {
        case .narrow: width = 1
        case .wide: width = 2
        case .ambiguous: width = policy.ambiguousIsWide ? 2 : 1
        case .zero: width = 0
        }
        var safe = !Sanitizer.isUnsafe(first)
        var count = 1
        var pairedIndicator = false
        var variation16 = false
        while let s = scalars.next() {
            count += 1
            if Sanitizer.isUnsafe(s) { safe = false }
            if s == "\u{FE0F}" { variation16 = true }
            if count == 2 && isRegionalIndicator(first) && isRegionalIndicator(s) { pairedIndicator = true }
        }
        if !safe {
            width = Sanitizer.visibleForm(of: self).map { $0.cellWidth(policy) } ?? width
        } else if width < 2 && (pairedIndicator || (emoji && variation16)) {
            // A flag, or VS16 asking for emoji presentation (⚠️, ❤️, 1️⃣).
            width = 2
        }
        return GlyphInfo(width: width, isSafe: safe, isTab: false, isLineTerminator: Sanitizer.isLineTerminator(first),
                         isEastAsian: kind == .wide, first: first)
    }

    /// Cells this grapheme takes on screen as termlens draws it: control and
    /// bidi characters count as their visible replacement, a tab as a full
    /// tab stop (use `WidthPolicy.tabAdvance(at:)` when the column is known),
    /// line terminators as their control picture.
    @inline(__always)
    public func cellWidth(_ policy: WidthPolicy = .standard) -> Int {
        if let ascii = asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return glyphInfo(policy).width
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
