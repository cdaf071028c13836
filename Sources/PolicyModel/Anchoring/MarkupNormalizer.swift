/// Text with whitespace runs collapsed and Markdown markup (`*`, `_`, `\`, link syntax) removed,
/// each kept scalar remembering its offset in the raw text. Quotes and documents are compared
/// in this form, so a quote may span a bold boundary or a line break, and nothing else differs.
public struct NormalizedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    /// For each normalized scalar, its offset (in Unicode scalars) in the raw text.
    public private(set) var rawOffsets: [Int32] = []

    public var count: Int { scalars.count }

    /// Raw range (start, end exclusive) of the normalized range `lower..<upper`.
    public func rawRange(_ lower: Int, _ upper: Int) -> (start: Int, end: Int) {
        guard upper > lower, lower >= 0, upper <= count else { return (0, 0) }
        return (Int(rawOffsets[lower]), Int(rawOffsets[upper - 1]) + 1)
    }

    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    public init(scalars raw: [Unicode.Scalar]) {
        let skipped = MarkupNormalizer.markupMask(raw)
        scalars.reserveCapacity(raw.count)
        rawOffsets.reserveCapacity(raw.count)
        var pendingSpace = false
        for (i, scalar) in raw.enumerated() where !skipped[i] {
            if MarkupNormalizer.isSpace(scalar) {
                if !scalars.isEmpty && !pendingSpace {
                    pendingSpace = true
                    scalars.append(" ")
                    rawOffsets.append(Int32(truncatingIfNeeded: i))
                }
                continue
            }
            pendingSpace = false
            scalars.append(scalar)
            rawOffsets.append(Int32(truncatingIfNeeded: i))
        }
        if pendingSpace {
            scalars.removeLast()
            rawOffsets.removeLast()
        }
    }

    /// Every start index where `needle` occurs.
    public func occurrences(of needle: [Unicode.Scalar], limit: Int = .max) -> [Int] {
        guard let first = needle.first, needle.count <= scalars.count else { return [] }
        var found: [Int] = []
        let last = scalars.count - needle.count
        var i = 0
        while i <= last {
            if scalars[i] == first {
                var j = 1
                while j < needle.count && scalars[i + j] == needle[j] { j += 1 }
                if j == needle.count {
                    found.append(i)
                    if found.count >= limit { break }
                }
            }
            i += 1
        }
        return found
    }

    public func slice(_ lower: Int, _ upper: Int) -> ArraySlice<Unicode.Scalar> {
        scalars[max(0, lower)..<min(count, max(lower, upper))]
    }
}

enum MarkupNormalizer {
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Marks the scalars that are Markdown markup: emphasis and escape characters,
    /// and the bracket and `(url)` parts of links and images (the link text stays).
    static func markupMask(_ raw: [Unicode.Scalar]) -> [Bool] {
        raw.withUnsafeBufferPointer { markupMask($0) { $0.value } }
    }

    /// The same over any code units that are scalar values (scalars, or the bytes of ASCII text).
    static func markupMask<T>(_ raw: UnsafeBufferPointer<T>, _ value: (T) -> UInt32) -> [Bool] {
        var skip = [Bool](repeating: false, count: raw.count)
        var i = 0
        while i < raw.count {
            switch value(raw[i]) {
            case 0x2A, 0x5F, 0x5C: // * _ \
                skip[i] = true
            case 0x5B: // [
                if let (close, end) = linkShape(raw, value, open: i) {
                    skip[i] = true
                    if i > 0 && value(raw[i - 1]) == 0x21 { skip[i - 1] = true } // ![
                    for k in close...end { skip[k] = true }
                    // Markup inside the link text is handled as the loop goes on.
                }
            default:
                break
            }
            i += 1
        }
        return skip
    }

    /// For `[` at `open`, the index of its `]` and of the `)` closing `(url)`, if this is a link.
    private static func linkShape<T>(_ raw: UnsafeBufferPointer<T>, _ value: (T) -> UInt32, open: Int) -> (Int, Int)? {
        var j = open + 1
        var newlines = 0
        let textLimit = min(raw.count, open + 2_000)
        while j < textLimit {
            let c = value(raw[j])
            if c == 0x5D { break } // ]
            if c == 0x5B { return nil } // [
            if c == 0x0A { newlines += 1; if newlines > 1 { return nil } }
            j += 1
        }
        guard j < textLimit, j + 1 < raw.count, value(raw[j + 1]) == 0x28 else { return nil } // (
        var k = j + 2
        var depth = 1
        let urlLimit = min(raw.count, k + 4_000)
        while k < urlLimit {
            let c = value(raw[k])
            if c == 0x0A { return nil }
            if c == 0x28 { depth += 1 }
            if c == 0x29 {
                depth -= 1
                if depth == 0 { return (j, k) }
            }
            k += 1
        }
        return nil
    }
}
