#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Memory that holds still while anything uses it: a file mapped read-only, or bytes copied
/// into an allocation of their own. Never written after it is made, so it may be shared
/// between threads (the unchecked part: the compiler cannot see that raw memory stays put).
class StableBytes: @unchecked Sendable {
    let base: UnsafeRawPointer?
    let count: Int

    fileprivate init(base: UnsafeRawPointer?, count: Int) {
        self.base = base
        self.count = count
    }
}

/// A file mapped read-only into memory (the search index cache), unmapped when the last
/// region that uses it goes.
final class MappedFile: StableBytes, @unchecked Sendable {
    /// Maps a whole file, or nil when it cannot be (missing, empty, not a regular file, not mappable).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0, st.st_size < Int64(Int.max / 2) else { return nil }
        let size = Int(st.st_size)
        // Mapped whole up front (one call instead of a page fault per page): the index is read
        // through, its checksum first.
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != MAP_FAILED else { return nil }
        super.init(base: UnsafeRawPointer(p), count: size)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }
}

/// Bytes copied out of an array into memory that never moves (8-byte aligned).
final class OwnedBytes: StableBytes, @unchecked Sendable {
    init(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0, let source = bytes.baseAddress else {
            super.init(base: nil, count: 0)
            return
        }
        let p = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 8)
        p.copyMemory(from: source, byteCount: bytes.count)
        super.init(base: UnsafeRawPointer(p), count: bytes.count)
    }

    deinit { base.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
}

/// A run of bytes inside `StableBytes`: a table of the search index, in memory or inside the
/// mapped cache file, read where it lies with no copy.
/// Invariant (checked when made): `0 <= offset`, `0 <= count`, `offset + count <= owner.count`.
struct ByteRegion: Sendable {
    private let owner: StableBytes
    private let offset: Int
    let count: Int

    init(_ bytes: [UInt8]) {
        owner = bytes.withUnsafeBytes { OwnedBytes($0) }
        offset = 0
        count = bytes.count
    }

    init<T: BitwiseCopyable>(copying values: [T]) {
        owner = values.withUnsafeBytes { OwnedBytes($0) }
        offset = 0
        count = owner.count
    }

    /// A part of `owner`, or nil when `offset..<offset+count` is not inside it (or overflows).
    init?(_ owner: StableBytes, offset: Int, count: Int) {
        guard offset >= 0, count >= 0 else { return nil }
        let (end, overflow) = offset.addingReportingOverflow(count)
        guard !overflow, end <= owner.count else { return nil }
        self.owner = owner
        self.offset = offset
        self.count = count
    }

    var isEmpty: Bool { count == 0 }

    /// Where the bytes start; nil when there are none.
    var baseAddress: UnsafeRawPointer? { count == 0 ? nil : owner.base.map { $0 + offset } }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: baseAddress, count: count))
    }

    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
    }

    /// Bytes `range`, which must lie inside the region (checked).
    func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "byte range outside its region")
        return UnsafeRawBufferPointer(start: baseAddress.map { $0 + range.lowerBound }, count: range.count)
    }

    /// The bytes, copied into an array.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }
}
