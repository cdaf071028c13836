/// What lies between two tokens: nothing (CJK characters, or a word running into one), a weak
/// separator (space, hyphen, slash, apostrophe, quotation mark: a phrase goes on) or a strong one
/// (other punctuation, or the start of the text: a phrase ends).
enum Gap: UInt8, Sendable, Comparable {
    case none = 0, weak = 1, strong = 2

    static func < (a: Gap, b: Gap) -> Bool { a.rawValue < b.rawValue }
}

/// One line of text (or one quote) cut into folded tokens: words of scripts written with
/// spaces, and single CJK characters. Markdown markup is skipped as anchoring skips it.
struct TokenizedLine {
    /// The folded bytes of every token, one after another.
    var bytes: [UInt8] = []
    /// Where each token ends in `bytes`.
    var ends: [Int32] = []
    var gaps: [Gap] = []
    var isCJK: [Bool] = []
    /// Raw scalar offsets of each token in the line (filled only when asked for).
    var rawStarts: [Int32] = []
    var rawEnds: [Int32] = []

    var count: Int { ends.count }

    func start(_ i: Int) -> Int { i == 0 ? 0 : Int(ends[i - 1]) }

    func token(_ i: Int) -> ArraySlice<UInt8> { bytes[start(i)..<Int(ends[i])] }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        gaps.removeAll(keepingCapacity: true)
        isCJK.removeAll(keepingCapacity: true)
        rawStarts.removeAll(keepingCapacity: true)
        rawEnds.removeAll(keepingCapacity: true)
    }
}

/// Cuts raw text into tokens. Keeps its buffers and fold cache between lines.
struct Tokenizer {
    private(set) var cache = FoldCache()
    private var scalars: [Unicode.Scalar] = []

    /// Tokens of raw UTF-8 bytes (a bad byte reads as U+FFFD, one scalar per bad sequence, as
    /// everywhere else offsets are counted). `offsets`: also record each token's raw scalar range.
    mutating func tokenize(_ raw: UnsafeBufferPointer<UInt8>, offsets: Bool, into out: inout TokenizedLine) {
        out.removeAll()
        scalars.removeAll(keepingCapacity: true)
        Self.decode(raw, into: &scalars)
        tokenize(scalars: scalars, offsets: offsets, into: &out)
    }

    mutating func tokenize(scalars raw: [Unicode.Scalar], offsets: Bool, into out: inout TokenizedLine) {
        out.removeAll()
        let skip = MarkupNormalizer.markupMask(raw)
        var inWord = false
        var gap = Gap.strong
        for i in raw.indices where !skip[i] {
            let s = raw[i]
            if s.value < 0x80 {
                let cls = ScalarClass.ascii[Int(s.value)]
                if cls == .word {
                    let v = UInt8(truncatingIfNeeded: s.value)
                    if !inWord { open(&out, gap: gap, cjk: false, at: i, offsets: offsets); inWord = true; gap = .none }
                    out.bytes.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
                    close(&out, at: i, offsets: offsets)
                } else {
                    inWord = false
                    gap = max(gap, cls == .weak ? .weak : .strong)
                }
                continue
            }
            for piece in cache.pieces(s) {
                switch piece.scalarClass {
                case .word:
                    if !inWord { open(&out, gap: gap, cjk: false, at: i, offsets: offsets); inWord = true; gap = .none }
                    out.bytes.append(contentsOf: piece.bytes)
                    close(&out, at: i, offsets: offsets)
                case .cjk:
                    open(&out, gap: gap, cjk: true, at: i, offsets: offsets)
                    out.bytes.append(contentsOf: piece.bytes)
                    close(&out, at: i, offsets: offsets)
                    inWord = false
                    gap = .none
                case .weak:
                    inWord = false
                    gap = max(gap, .weak)
                case .strong:
                    inWord = false
                    gap = .strong
                case .ignored:
                    break
                }
            }
        }
    }

    /// Starts a token (its end is set by `close`).
    private func open(_ out: inout TokenizedLine, gap: Gap, cjk: Bool, at i: Int, offsets: Bool) {
        out.ends.append(Int32(truncatingIfNeeded: out.bytes.count))
        out.gaps.append(gap)
        out.isCJK.append(cjk)
        if offsets {
            out.rawStarts.append(Int32(truncatingIfNeeded: i))
            out.rawEnds.append(Int32(truncatingIfNeeded: i + 1))
        }
    }

    /// Extends the current token to the bytes written so far and raw scalar `i`.
    private func close(_ out: inout TokenizedLine, at i: Int, offsets: Bool) {
        out.ends[out.ends.count - 1] = Int32(truncatingIfNeeded: out.bytes.count)
        if offsets { out.rawEnds[out.rawEnds.count - 1] = Int32(truncatingIfNeeded: i + 1) }
    }

    /// UTF-8 to scalars, a bad sequence becoming one U+FFFD (as Swift's decoder repairs).
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar]) {
        var it = raw.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): scalars.append(s)
            case .emptyInput: return
            case .error: scalars.append("\u{FFFD}")
            }
        }
    }

    /// The number of scalars in UTF-8 bytes, counted as `decode` counts them.
    static func scalarCount(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        // Valid UTF-8 (nearly always): every byte that is not a continuation byte starts a scalar.
        var ascii = true
        var starts = 0
        for b in raw {
            if b >= 0x80 { ascii = false }
            if b & 0xC0 != 0x80 { starts += 1 }
        }
        if ascii || String(validating: raw, as: UTF8.self) != nil { return starts }
        var scalars: [Unicode.Scalar] = []
        decode(raw, into: &scalars)
        return scalars.count
    }
}
