#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A set of byte strings, each given a number in the order first seen: the index builder's way
/// of finding again a line, a folded line or a word it has met, without an allocation per lookup.
/// The strings lie one after another in `blob`.
struct ByteTable {
    private(set) var blob: [UInt8] = []
    /// Where string `i` starts in `blob`; one more entry than strings (the end of the last).
    private(set) var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing: the hash's high half (to skip most other strings without reading them)
    /// above string number + 1; 0 for an empty slot.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    private static func slot(_ h: UInt64, _ id: Int) -> UInt64 { h & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1) }

    var count: Int { hashes.count }

    func bytes(_ i: Int) -> ArraySlice<UInt8> { blob[starts[i]..<starts[i + 1]] }

    /// The number of `key`, added if new. Nil when the table is full (2^31 - 1 strings).
    mutating func intern(_ key: UnsafeRawBufferPointer) -> (id: Int, isNew: Bool)? {
        let h = Self.hash(key)
        var slot = Int(truncatingIfNeeded: h) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let i = Int(entry & 0xFFFF_FFFF) - 1
            if entry & 0xFFFF_FFFF_0000_0000 == h & 0xFFFF_FFFF_0000_0000 && equals(i, key) { return (i, false) }
            slot = (slot + 1) & mask
        }
        guard hashes.count < Int(Int32.max) - 1 else { return nil }
        let id = hashes.count
        hashes.append(h)
        blob.append(contentsOf: key)
        starts.append(blob.count)
        slots[slot] = Self.slot(h, id)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ i: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let lo = starts[i], hi = starts[i + 1]
        guard hi - lo == key.count else { return false }
        return blob.withUnsafeBytes { b in
            guard let base = b.baseAddress, let k = key.baseAddress else { return key.count == 0 }
            return memcmp(base + lo, k, key.count) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        mask = size - 1
        slots = [UInt64](repeating: 0, count: size)
        for (i, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slot(h, i)
        }
    }

    /// A fast 64-bit hash of bytes, eight at a time (not cryptographic: collisions are resolved
    /// by comparing the bytes).
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: key.count)
        var i = 0
        let n = key.count
        while i + 8 <= n {
            h = (h ^ key.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(key[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
