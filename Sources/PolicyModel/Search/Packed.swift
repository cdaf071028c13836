/// Plain values stored as bytes, read in place: the search index keeps its tables this way so
/// that a cached index is used straight from the mapped file, with no copy.
/// Invariant (checked when made): the bytes are a whole number of values and aligned for `T`.
/// Every subscript is checked against `count`.
struct Packed<T: BitwiseCopyable & Sendable>: Sendable {
    let storage: ByteRegion
    let count: Int

    init(_ values: [T]) {
        storage = ByteRegion(copying: values)
        count = values.count
    }

    /// Values read from bytes; nil when the bytes are not a whole number of aligned values.
    init?(bytes: ByteRegion) {
        let stride = MemoryLayout<T>.stride
        guard stride > 0, bytes.count % stride == 0 else { return nil }
        if let base = bytes.baseAddress, Int(bitPattern: base) % MemoryLayout<T>.alignment != 0 { return nil }
        storage = bytes
        count = bytes.count / stride
    }

    var isEmpty: Bool { count == 0 }

    subscript(i: Int) -> T {
        precondition(i >= 0 && i < count, "index \(i) outside a table of \(count)")
        return storage.withUnsafeBytes { $0.load(fromByteOffset: i * MemoryLayout<T>.stride, as: T.self) }
    }

    /// The values as a typed buffer (aligned: checked when made).
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { raw in
            try body(UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: T.self), count: count))
        }
    }

    /// Values `range`, which must lie inside the table (checked).
    func withSlice<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside a table of \(count)")
        return try withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }

    /// Values `range` (checked to lie inside the table) where they lie, as `ByteRegion.slice`
    /// gives bytes: the pointer stays valid while the table's storage lives (`StableBytes`
    /// never move or change), not only inside a closure.
    func slicePointer(_ range: Range<Int>) -> UnsafeBufferPointer<T> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range \(range) outside a table of \(count)")
        guard let base = storage.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
        // Aligned for T and a whole number of values: checked when the table was made.
        return UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self) + range.lowerBound, count: range.count)
    }

    var array: [T] { withUnsafeBufferPointer { Array($0) } }
}
