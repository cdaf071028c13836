#if canImport(Glibc)
import Glibc
#endif

/// A file mapped read-only into memory (the search index cache), unmapped when the last
/// region that uses it goes.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int

    /// Maps a whole file, or nil when it cannot be (missing, empty, not mappable).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { return nil }
        let size = Int(st.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(p)
        count = size
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }
}

/// Bytes held in an array, or inside a mapped file: a cached index is searched where it lies,
/// with no copy.
struct ByteRegion: Sendable, Hashable {
    private let array: ArraySlice<UInt8>
    private let mapping: MappedFile?
    private let offset: Int
    let count: Int

    init(_ slice: ArraySlice<UInt8>) {
        array = slice
        mapping = nil
        offset = 0
        count = slice.count
    }

    init(mapping: MappedFile, offset: Int, count: Int) {
        array = []
        self.mapping = mapping
        self.offset = offset
        self.count = count
    }

    var isEmpty: Bool { count == 0 }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let mapping {
            return try body(UnsafeBufferPointer(start: mapping.base.advanced(by: offset).assumingMemoryBound(to: UInt8.self), count: count))
        }
        return try array.withUnsafeBufferPointer(body)
    }

    /// The bytes, copied into an array.
    var bytes: [UInt8] { withUnsafeBufferPointer { Array($0) } }

    static func == (a: ByteRegion, b: ByteRegion) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in
            guard let xb = x.baseAddress, let yb = y.baseAddress else { return x.count == 0 }
            return memcmp(xb, yb, x.count) == 0
        } }
    }

    func hash(into hasher: inout Hasher) {
        withUnsafeBufferPointer { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
