/// Plain values stored as bytes, read in place: the search index keeps its tables this way so
/// that a cached index is used straight from the bytes read from disk, with no copy.
struct Packed<T: BitwiseCopyable & Sendable>: Sendable {
    let storage: ByteRegion

    init(_ values: [T]) {
        storage = ByteRegion(values.withUnsafeBytes { Array($0) }[...])
    }

    init(bytes: ByteRegion) {
        storage = bytes
    }

    var count: Int { storage.count / MemoryLayout<T>.stride }
    var isEmpty: Bool { count == 0 }

    subscript(i: Int) -> T {
        storage.withUnsafeBufferPointer { UnsafeRawBufferPointer($0).loadUnaligned(fromByteOffset: i * MemoryLayout<T>.stride, as: T.self) }
    }
}
