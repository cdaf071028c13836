/// A sum over a file's bytes that any flipped bit, dropped or swapped word changes (two
/// running sums over 64-bit words in four lanes, Fletcher style); fast enough to check every load.
struct Checksum {
    private var a: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
    private var b: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var length: UInt64 = 0
    /// Bytes not yet making a whole 32-byte block.
    private var pending: [UInt8] = []

    var value: UInt64 {
        var c = self
        if !c.pending.isEmpty {
            c.pending += [UInt8](repeating: 0, count: 32 - c.pending.count)
            c.pending.withUnsafeBytes { c.blocks($0) }
        }
        var h = c.length &* 0x9E37_79B9_7F4A_7C15
        for v in [c.a.0, c.a.1, c.a.2, c.a.3, c.b.0, c.b.1, c.b.2, c.b.3] {
            h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return h
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var rest = bytes
        if !pending.isEmpty {
            let take = min(32 - pending.count, rest.count)
            pending += rest.prefix(take)
            rest = UnsafeRawBufferPointer(rebasing: rest.dropFirst(take))
            if pending.count == 32 {
                pending.withUnsafeBytes { blocks($0) }
                pending.removeAll(keepingCapacity: true)
            }
        }
        let whole = rest.count / 32 * 32
        blocks(UnsafeRawBufferPointer(rebasing: rest.prefix(whole)))
        pending += rest.dropFirst(whole)
    }

    /// Whole 32-byte blocks.
    private mutating func blocks(_ p: UnsafeRawBufferPointer) {
        var (a0, a1, a2, a3) = a
        var (b0, b1, b2, b3) = b
        var i = 0
        while i + 32 <= p.count {
            a0 &+= p.loadUnaligned(fromByteOffset: i, as: UInt64.self); b0 &+= a0
            a1 &+= p.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self); b1 &+= a1
            a2 &+= p.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self); b2 &+= a2
            a3 &+= p.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self); b3 &+= a3
            i += 32
        }
        a = (a0, a1, a2, a3)
        b = (b0, b1, b2, b3)
    }

    /// The sum of a whole file but for the eight bytes at `skipping` (where the sum is kept).
    static func of(_ file: StableBytes, skipping at: Int) -> UInt64 {
        var c = Checksum()
        if let before = ByteRegion(file, offset: 0, count: at) { before.withUnsafeBytes { c.add($0) } }
        if let after = ByteRegion(file, offset: at + 8, count: file.count - at - 8) { after.withUnsafeBytes { c.add($0) } }
        return c.value
    }
}
