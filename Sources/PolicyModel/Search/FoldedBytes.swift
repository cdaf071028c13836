/// A text folded for search, as UTF-8 bytes: NFKC and case folded, Markdown markup dropped,
/// whitespace runs collapsed to one space (or one newline when the run holds a line break, so
/// lines stay lines). Checkpoints let a folded byte offset be mapped back to the raw text.
public struct FoldedBytes: Sendable {
    private(set) var bytes = ByteRegion([])
    /// One bit per raw scalar: set where the scalar is Markdown markup (kept to map offsets back).
    private(set) var markupBits = Packed<UInt64>([])
    private(set) var scalarCount = 0
    /// Every `checkpointEvery` raw scalars: where folding stood at that raw scalar.
    private(set) var checkpoints = Packed<Checkpoint>([])
    static let checkpointEvery = 64

    struct Checkpoint: Sendable {
        var folded: Int32
        var rawScalar: Int32
        var rawByte: Int32
        /// A whitespace run was pending (its single folded byte not yet written).
        var pending: UInt8
    }

    /// A folded text read back from the index cache.
    init(bytes: ByteRegion, checkpoints: Packed<Checkpoint>, markupBits: Packed<UInt64>, scalarCount: Int) {
        self.bytes = bytes
        self.checkpoints = checkpoints
        self.markupBits = markupBits
        self.scalarCount = scalarCount
    }

    /// Folds raw UTF-8 text.
    public init(utf8 raw: [UInt8], cache: inout FoldCache) {
        let decoded = Self.decode(raw)
        self.init(scalars: decoded.scalars, checkpointBytes: decoded.checkpointBytes, cache: &cache)
    }

    /// `checkpointBytes`: the byte offset of every `checkpointEvery`-th scalar (from `decode`);
    /// nil for text that is not kept (a query), where offsets back are never asked for.
    init(scalars raw: [Unicode.Scalar], checkpointBytes: [Int32]?, cache: inout FoldCache) {
        var out: [UInt8] = []
        let skip = MarkupNormalizer.markupMask(raw)
        scalarCount = raw.count
        if checkpointBytes != nil {
            var bits = [UInt64](repeating: 0, count: raw.count / 64 + 1)
            for (i, isMarkup) in skip.enumerated() where isMarkup { bits[i >> 6] |= 1 << UInt64(i & 63) }
            markupBits = Packed(bits)
        }
        out.reserveCapacity(raw.count + raw.count / 8)
        var points: [Checkpoint] = []
        points.reserveCapacity(raw.count / Self.checkpointEvery + 1)
        var pending: UInt8 = 0 // 0 none, 32 space, 10 newline
        for (i, s) in raw.enumerated() {
            if i % Self.checkpointEvery == 0 {
                points.append(Checkpoint(folded: Int32(truncatingIfNeeded: out.count), rawScalar: Int32(truncatingIfNeeded: i),
                                              rawByte: checkpointBytes.map { $0[i / Self.checkpointEvery] } ?? 0, pending: pending))
            }
            if skip[i] { continue }
            if MarkupNormalizer.isSpace(s) {
                pending = (s == "\n" || pending == 10) ? 10 : 32
                continue
            }
            if pending != 0 {
                if !out.isEmpty { out.append(pending) }
                pending = 0
            }
            let v = s.value
            if v < 0x80 {
                out.append(UInt8(truncatingIfNeeded: (v >= 0x41 && v <= 0x5A) ? v + 0x20 : v))
            } else {
                out.append(contentsOf: cache.folded(s))
            }
        }
        bytes = ByteRegion(out[...])
        checkpoints = Packed(points)
    }

    /// Folds a query term the same way.
    public static func fold(_ text: String, cache: inout FoldCache) -> [UInt8] {
        FoldedBytes(scalars: Array(text.unicodeScalars), checkpointBytes: nil, cache: &cache).bytes.bytes.map { $0 == 10 ? 32 : $0 }
    }

    /// The scalars of UTF-8 bytes (a bad byte becomes U+FFFD), and the byte offset of every
    /// `checkpointEvery`-th scalar — all that mapping folded text back to bytes needs.
    static func decode(_ raw: [UInt8]) -> (scalars: [Unicode.Scalar], checkpointBytes: [Int32]) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int32] = []
        scalars.reserveCapacity(raw.count)
        offsets.reserveCapacity(raw.count / checkpointEvery + 1)
        raw.withUnsafeBufferPointer { buf in
            var it = buf.makeIterator()
            var decoder = UTF8()
            var position = 0
            while true {
                switch decoder.decode(&it) {
                case .scalarValue(let s):
                    if scalars.count % checkpointEvery == 0 { offsets.append(Int32(truncatingIfNeeded: position)) }
                    scalars.append(s)
                    position += UTF8.width(s)
                case .emptyInput:
                    return
                case .error:
                    if scalars.count % checkpointEvery == 0 { offsets.append(Int32(truncatingIfNeeded: position)) }
                    scalars.append("\u{FFFD}")
                    position += 1
                }
            }
        }
        return (scalars, offsets)
    }

    func isMarkup(_ i: Int) -> Bool {
        i >= 0 && i >> 6 < markupBits.count && markupBits[i >> 6] & (1 << UInt64(i & 63)) != 0
    }

    /// A stretch of the raw text decoded around a folded byte: enough to map a match back
    /// to raw scalar offsets and to cut a snippet, without decoding the whole text.
    struct Window {
        /// Raw scalar offset of `scalars[0]`, and its byte offset.
        var firstScalar: Int
        var firstByte = 0
        var scalars: [Unicode.Scalar]
        /// Where re-folding starts (an index into `scalars`) and the folding state there.
        var start: Int
        var folded: Int
        var pending: UInt8
    }

    /// Decodes from a little before the checkpoint preceding folded byte `target` to `after`
    /// bytes past it.
    /// Reads only the bytes it needs through `read` (a range of the raw text, clamped at its
    /// end): for texts on disk, a small read instead of the whole file.
    func window(around target: Int, before: Int, after: Int, read: (Range<Int>) -> [UInt8]) -> Window {
        guard !checkpoints.isEmpty else { return Window(firstScalar: 0, scalars: [], start: 0, folded: 0, pending: 0) }
        var lo = 0, hi = checkpoints.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(checkpoints[mid].folded) <= target { lo = mid } else { hi = mid }
        }
        let cp = checkpoints[lo]
        // Read a little more than asked at the start, to back up to a scalar boundary.
        let readStart = max(0, Int(cp.rawByte) - before - 4)
        let readEnd = Int(cp.rawByte) + after + max(0, target - Int(cp.folded)) * 4
        let bytes = read(readStart..<max(readStart, readEnd))
        guard Int(cp.rawByte) - readStart <= bytes.count else { return Window(firstScalar: 0, scalars: [], start: 0, folded: 0, pending: 0) }
        var local = Int(cp.rawByte) - readStart - min(before, Int(cp.rawByte))
        while local > 0 && bytes[local] & 0xC0 == 0x80 { local -= 1 }
        // Scalars between the window's start and the checkpoint: count the bytes that start a scalar.
        var skipped = 0
        for i in local..<(Int(cp.rawByte) - readStart) where bytes[i] & 0xC0 != 0x80 { skipped += 1 }
        let startByte = readStart + local
        let scalars = Self.decode(Array(bytes[local...])).scalars
        return Window(firstScalar: Int(cp.rawScalar) - skipped, firstByte: startByte, scalars: scalars, start: skipped,
                      folded: Int(cp.folded), pending: cp.pending)
    }

    /// The raw scalar offset that produced folded byte `target` (for a byte that starts a
    /// folded scalar), re-folding forward through the window from its checkpoint.
    func rawScalarOffset(ofFolded target: Int, in w: Window, cache: inout FoldCache) -> Int {
        var folded = w.folded
        var pending = w.pending
        var i = w.start
        while i < w.scalars.count {
            if !isMarkup(w.firstScalar + i) {
                let s = w.scalars[i]
                if MarkupNormalizer.isSpace(s) {
                    pending = 1
                } else {
                    if pending != 0 && folded > 0 {
                        if folded == target { return w.firstScalar + max(0, i - 1) }
                        folded += 1
                    }
                    pending = 0
                    let width = s.value < 0x80 ? 1 : cache.folded(s).count
                    if folded + width > target { return w.firstScalar + i }
                    folded += width
                }
            }
            i += 1
        }
        return w.firstScalar + w.scalars.count
    }
}

/// Folded forms of non-ASCII scalars, computed once each.
public struct FoldCache: Sendable {
    private var table: [UInt32: [UInt8]] = [:]
    public init() {}

    mutating func folded(_ s: Unicode.Scalar) -> [UInt8] {
        if let hit = table[s.value] { return hit }
        var out: [UInt8] = []
        for f in Folding.foldScalar(s) {
            if MarkupNormalizer.isSpace(f) { out.append(32) } else { out.append(contentsOf: String(f).utf8) }
        }
        table[s.value] = out
        return out
    }
}
