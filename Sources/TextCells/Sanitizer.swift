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
    /// byte at a time, other scalars are decoded where they lie (no copy of the text).
    public static func containsUnsafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while all are printable ASCII.
                if i + 8 <= bytes.count, let base = bytes.baseAddress,
                   isPrintableASCII(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let b = bytes[i]
                if b >= 0x20 && b < 0x7F { i += 1; continue }
                if b < 0x80 { return true }  // C0 controls and DEL
                let (value, length) = scalar(in: bytes, at: i)
                if let s = Unicode.Scalar(value), isUnsafe(s) { return true }
                i += length
            }
            return false
        }
    }

    /// Whether eight bytes are all printable ASCII (0x20...0x7E): none has its top bit set,
    /// none is below 0x20, none is 0x7F (the bit tricks of "has a byte less than n").
    @inline(__always)
    private static func isPrintableASCII(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let below20 = (w &- ones &* 0x20) & ~w & high
        let del = w ^ (ones &* 0x7F)
        let is7F = (del &- ones) & ~del & high
        return (w & high) | below20 | is7F == 0
    }

    /// The scalar whose UTF-8 starts at `i` (a String's bytes are valid UTF-8; a sequence cut
    /// short by the end is read as far as it goes) and its length in bytes.
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = bytes[i]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : length == 2 ? 0x1F : 0x7F)
        var k = 1
        while k < length, i + k < bytes.count {
            value = value << 6 | UInt32(bytes[i + k] & 0x3F)
            k += 1
        }
        return (value, k)
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
