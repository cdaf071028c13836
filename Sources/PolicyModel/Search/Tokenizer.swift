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
        // ASCII text (most lines of English terms) is its own scalars: no decoding.
        if Self.isASCII(raw) {
            tokenize(codes: raw, value: { UInt32($0) }, offsets: offsets, into: &out)
            return
        }
        scalars.removeAll(keepingCapacity: true)
        Self.decode(raw, into: &scalars)
        let decoded = scalars
        decoded.withUnsafeBufferPointer { tokenize(codes: $0, value: { $0.value }, offsets: offsets, into: &out) }
    }

    mutating func tokenize(scalars raw: [Unicode.Scalar], offsets: Bool, into out: inout TokenizedLine) {
        raw.withUnsafeBufferPointer { tokenize(codes: $0, value: { $0.value }, offsets: offsets, into: &out) }
    }

    /// Tokens of part of a text; raw offsets count from the slice's start.
    mutating func tokenize(scalars raw: ArraySlice<Unicode.Scalar>, offsets: Bool, into out: inout TokenizedLine) {
        raw.withUnsafeBufferPointer { tokenize(codes: $0, value: { $0.value }, offsets: offsets, into: &out) }
    }

    static func isASCII(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for b in raw { any |= b }
        return any < 0x80
    }

    /// Tokens of scalar values `value(raw[i])` (all valid scalars).
    private mutating func tokenize<T>(codes raw: UnsafeBufferPointer<T>, value: (T) -> UInt32, offsets: Bool, into out: inout TokenizedLine) {
        out.removeAll()
        let skip = MarkupNormalizer.markupMask(raw, value)
        var inWord = false
        var gap = Gap.strong
        // A word's end is written once, when it ends (not after each of its letters).
        var wordRawEnd = 0
        func endWord() {
            guard inWord else { return }
            inWord = false
            close(&out, rawEnd: wordRawEnd, offsets: offsets)
        }
        func wordScalar(_ i: Int) {
            if !inWord {
                open(&out, gap: gap, cjk: false, at: i, offsets: offsets)
                inWord = true
                gap = .none
            }
            wordRawEnd = i + 1
        }
        func cjkScalar(_ i: Int, _ append: (inout [UInt8]) -> Void) {
            endWord()
            open(&out, gap: gap, cjk: true, at: i, offsets: offsets)
            append(&out.bytes)
            close(&out, rawEnd: i + 1, offsets: offsets)
            gap = .none
        }
        func separator(_ cls: ScalarClass) {
            endWord()
            gap = max(gap, cls == .weak ? .weak : .strong)
        }
        let ascii = ScalarClass.ascii
        for i in 0..<raw.count where !skip[i] {
            let v = value(raw[i])
            if v < 0x80 {
                let cls = ascii[Int(v)]
                if cls == .word {
                    wordScalar(i)
                    let b = UInt8(truncatingIfNeeded: v)
                    out.bytes.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
                } else {
                    separator(cls)
                }
                continue
            }
            guard let s = Unicode.Scalar(v) else { continue }
            if Folding.foldsToItself(s) {
                // The scalar as it is: CJK characters are words of their own.
                switch ScalarClass.of(s) {
                case .word:
                    wordScalar(i)
                    Self.appendUTF8(s, to: &out.bytes)
                case .cjk: cjkScalar(i) { Self.appendUTF8(s, to: &$0) }
                case .weak: separator(.weak)
                case .strong: separator(.strong)
                case .ignored: break
                }
                continue
            }
            for piece in cache.pieces(s) {
                switch piece.scalarClass {
                case .word:
                    wordScalar(i)
                    out.bytes.append(contentsOf: piece.bytes)
                case .cjk: cjkScalar(i) { $0.append(contentsOf: piece.bytes) }
                case .weak: separator(.weak)
                case .strong: separator(.strong)
                case .ignored: break
                }
            }
        }
        endWord()
    }

    private static func appendUTF8(_ s: Unicode.Scalar, to bytes: inout [UInt8]) {
        UTF8.encode(s) { bytes.append($0) }
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

    /// Ends the current token at the bytes written so far and raw scalar offset `rawEnd`.
    private func close(_ out: inout TokenizedLine, rawEnd: Int, offsets: Bool) {
        out.ends[out.ends.count - 1] = Int32(truncatingIfNeeded: out.bytes.count)
        if offsets { out.rawEnds[out.rawEnds.count - 1] = Int32(truncatingIfNeeded: rawEnd) }
    }

    /// UTF-8 to scalars, a bad sequence becoming one U+FFFD (as Swift's decoder repairs).
    /// Well-formed text (nearly all) is decoded here directly; at the first ill-formed byte
    /// the whole line is decoded again by the standard library's repairing decoder.
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar]) {
        let before = scalars.count
        scalars.reserveCapacity(before + raw.count)
        var i = 0
        let n = raw.count
        func continuation(_ k: Int) -> UInt32? {
            guard k < n, raw[k] & 0xC0 == 0x80 else { return nil }
            return UInt32(raw[k] & 0x3F)
        }
        while i < n {
            let b = raw[i]
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
                i += 1
                continue
            }
            // The shortest form only: lead bytes and second-byte ranges per RFC 3629.
            var value: UInt32?
            if b >= 0xC2 && b <= 0xDF, let c1 = continuation(i + 1) {
                value = UInt32(b & 0x1F) << 6 | c1
                i += 2
            } else if b >= 0xE0 && b <= 0xEF, let c1 = continuation(i + 1), let c2 = continuation(i + 2),
                      !(b == 0xE0 && c1 < 0x20), !(b == 0xED && c1 >= 0x20) {
                value = UInt32(b & 0x0F) << 12 | c1 << 6 | c2
                i += 3
            } else if b >= 0xF0 && b <= 0xF4, let c1 = continuation(i + 1), let c2 = continuation(i + 2), let c3 = continuation(i + 3),
                      !(b == 0xF0 && c1 < 0x10), !(b == 0xF4 && c1 >= 0x10) {
                value = UInt32(b & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
                i += 4
            }
            guard let value, let scalar = Unicode.Scalar(value) else {
                scalars.removeSubrange(before...)
                repairingDecode(raw, into: &scalars)
                return
            }
            scalars.append(scalar)
        }
    }

    /// The standard library's decoding, which repairs ill-formed sequences.
    static func repairingDecode(_ raw: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar]) {
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
        repairingDecode(raw, into: &scalars)
        return scalars.count
    }
}
