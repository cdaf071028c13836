// Untrusted document text must never reach the terminal as control codes:
// ESC would start an escape sequence, bidi overrides would reorder what the
// reader sees. Such characters are drawn as visible symbols instead.

public enum Sanitizer {
    /// True for scalars that are never sent to the terminal as they are.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }  // C0, DEL, C1
        if v < 0x61C { return false }
        return v == 0x61C                      // Arabic letter mark
            || v == 0x200E || v == 0x200F      // LRM, RLM
            || (v >= 0x202A && v <= 0x202E)    // embeddings and overrides
            || (v >= 0x2066 && v <= 0x2069)    // isolates
            || v == 0x2028 || v == 0x2029      // line and paragraph separators
    }

    /// Whether any scalar of `text` is unsafe; printable ASCII (most text) is passed over a
    /// byte at a time.
    public static func containsUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x20 && b < 0x7F { i += 1; continue }
                // Anything else: decide on the scalars from here on.
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[i...]), as: UTF8.self).unicodeScalars.contains(where: isUnsafe)
            }
            return false
        }
    }

    /// What to draw instead of `character`, or nil when it is drawn as it is.
    /// C0 controls and DEL become Unicode control pictures (ESC → ␛), other
    /// unsafe scalars a bracketed code point such as ⟨U+202E⟩. Tabs are the
    /// caller's business (they depend on the column) and give nil.
    public static func visibleForm(of character: Character) -> String? {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return nil }
        if character == "\t" { return nil }
        let scalars = character.unicodeScalars
        guard scalars.contains(where: isUnsafe) else { return nil }
        var out = ""
        for scalar in scalars {
            if isUnsafe(scalar) { out += picture(of: scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// The visible symbol for one unsafe scalar.
    public static func picture(of scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20, let pic = Unicode.Scalar(0x2400 + v) { return String(Character(pic)) }
        if v == 0x7F { return "\u{2421}" }  // ␡
        let hex = String(v, radix: 16, uppercase: true)
        return "⟨U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "⟩"
    }

    /// True for characters that end a line of text (LF, CR, CR LF, NEL, VT,
    /// FF, LINE SEPARATOR, PARAGRAPH SEPARATOR).
    @inline(__always)
    public static func isLineTerminator(_ character: Character) -> Bool {
        character.unicodeScalars.first.map(isLineTerminator) ?? false
    }

    /// A line terminator, or the CR that starts CR LF.
    @inline(__always)
    static func isLineTerminator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// `text` as one safe line: unsafe characters (line terminators included)
    /// replaced by visible symbols, tabs expanded to spaces from `startColumn`.
    public static func sanitize(_ text: some StringProtocol, policy: WidthPolicy = .standard, startColumn: Int = 0) -> String {
        var out = ""
        var column = startColumn
        for character in text {
            let info = character.glyphInfo(policy)
            if info.isTab {
                let advance = policy.tabAdvance(at: column)
                out += String(repeating: " ", count: advance)
                column += advance
            } else {
                if info.isSafe { out.append(character) } else { out += visibleForm(of: character) ?? "" }
                column += info.width
            }
        }
        return out
    }
}
