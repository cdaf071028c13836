import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The search index kept on disk between runs, so `termlens search` need not parse the data
/// or fold the texts again: a file named by a key made of everything the index depends on
/// (termlens's version, the bundled data, each layer's and source's files with their sizes
/// and modification times). The tables are used in place from a read-only mapping.
///
/// A file that is missing, stale, truncated, corrupt or hostile is ignored (and rebuilt by the
/// caller), never trusted: every length, offset and id is checked before use
/// (`IndexTables.isConsistent`), and a checksum over the whole file catches damage (checked
/// before anything found in the index is shown).
public enum IndexCache {
    static let magic: [UInt8] = Array("TLIX0008".utf8)

    /// The folder for cache files: $TERMLENS_CACHE, else $XDG_CACHE_HOME/termlens, else ~/.cache/termlens.
    /// `TERMLENS_CACHE=off` turns the cache off.
    public static func folder(_ env: [String: String]) -> String? {
        if let dir = env["TERMLENS_CACHE"] { return dir == "off" || dir.isEmpty ? nil : dir }
        if let xdg = env["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/termlens" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.cache/termlens" }
        return nil
    }

    /// A key over the given facts (strings describing inputs), as 16 hex digits (FNV-1a, 64 bits).
    public static func key(_ facts: [String]) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for fact in facts {
            for b in fact.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            h = (h ^ 0xFF) &* 0x100000001b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// `path size mtime` of a file (or a note that it is missing), for keys.
    public static func stamp(_ path: String) -> String {
        var st = stat()
        guard stat(path, &st) == 0 else { return path + " missing" }
        return "\(path) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
    }

    /// What a source's texts depend on: for a git versions repository its HEAD (the texts
    /// are its objects), else the fingerprint of every file of the dataset folder.
    public static func sourceFingerprint(_ root: String) -> String {
        let absolute = FileWalker.absolute(root)
        guard GitLog.isRepository(absolute) else { return folderFingerprint(root) }
        return "git " + absolute + " " + (((try? GitLog.head(absolute)) ?? nil) ?? "no head")
    }

    /// A fingerprint of every file under a folder (see `FolderFingerprint`).
    public static func folderFingerprint(_ root: String) -> String { FolderFingerprint.of(root) }

    static func path(key: String, folder: String) -> String { folder + "/index-\(key).bin" }

    /// Writes the index a megabyte at a time, to a temporary file renamed into place (a reader
    /// never sees half a file). A cache that cannot be written is no error.
    public static func save(_ index: SearchIndex, key: String, folder: String) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let path = path(key: key, folder: folder)
        let temp = path + ".\(getpid()).tmp"
        let fd = open(temp, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var w = CacheWriter(fd: fd)
        w.checksum = Checksum()
        w.bytes(magic)
        w.string(key)
        w.int(index.allVersions ? 1 : 0)
        w.int(index.corpusBytes)
        w.int(index.lineBytes.total)
        w.int(index.lineBytes.distinct)
        // The checksum of everything else in the file, filled in once it is known.
        w.flush()
        let checksumAt = w.position
        let summing = w.checksum
        w.checksum = nil
        w.int(0)
        w.flush()
        w.checksum = summing
        w.blob(UnitCodec.encode(index.units))
        for table in CacheTables.regions(index.tables) {
            w.region(table)
            w.flushIfFull()
        }
        w.flush()
        var sum = (w.checksum?.value ?? 0).littleEndian
        let wroteSum = withUnsafeBytes(of: &sum) { pwrite(fd, $0.baseAddress, 8, off_t(checksumAt)) } == 8
        close(fd)
        guard !w.failed, wroteSum, rename(temp, path) == 0 else {
            unlink(temp)
            return
        }
        prune(folder: folder)
    }

    /// The index saved under `key`, or nil when there is none or it cannot be trusted.
    public static func load(key: String, folder: String) -> SearchIndex? {
        guard let (index, intact) = loadSummingLater(key: key, folder: folder), intact() else { return nil }
        return index
    }

    /// The index saved under `key`, every length, offset and id checked (so reading it cannot
    /// go wrong), and a call that tells whether the file is also intact (its checksum, the
    /// longest check): it may run on another thread while the index is read, and an index
    /// that turns out damaged must then be dropped with all it gave.
    public static func loadSummingLater(key: String, folder: String) -> (SearchIndex, intact: @Sendable () -> Bool)? {
        let path = path(key: key, folder: folder)
        guard let file = MappedFile(path: path) else { return nil }
        Timings.mark("cache mapped")
        markUsed(path)
        return read(file, key: key)
    }

    /// Reads a cache file's contents (exposed for the fuzzer through `load(bytes:key:)`).
    static func read(_ file: StableBytes, key: String) -> (SearchIndex, intact: @Sendable () -> Bool)? {
        var r = CacheReader(file: file)
        guard r.bytes(magic.count) == magic, r.string() == key,
              let all = r.int(), all == 0 || all == 1, let corpus = r.int(), corpus >= 0,
              let lines = r.int(), let distinct = r.int(), 0 <= distinct, distinct <= lines else { return nil }
        let checksumAt = r.at
        guard let sum = r.int() else { return nil }
        let intact: @Sendable () -> Bool = { Checksum.of(file, skipping: checksumAt) == UInt64(bitPattern: Int64(sum)) }
        guard let unitRegion = r.region(), let units = unitRegion.withUnsafeBytes({ UnitCodec.decode($0) }) else { return nil }
        Timings.mark("units read")
        var regions: [ByteRegion] = []
        for _ in 0..<CacheTables.count {
            guard let region = r.region() else { return nil }
            regions.append(region)
        }
        guard r.at == file.count, let tables = CacheTables.tables(regions) else { return nil }
        guard tables.isConsistent(units: units.count) else { return nil }
        Timings.mark("tables checked")
        guard UnitCodec.linksHold(units, tables) else { return nil }
        let ix = SearchIndex(tables: tables, units: units, allVersions: all == 1, corpusBytes: corpus, lineBytes: (lines, distinct))
        Timings.mark("index ready")
        return (ix, intact)
    }

    /// Cache bytes with their checksum made to fit what follows it, as a hostile file would
    /// have it (for tests and the fuzzer, which then reach the checks behind the checksum); nil
    /// when the header is too short to hold one.
    public static func resealed(_ bytes: [UInt8]) -> [UInt8]? {
        let file = OwnedBytes.copying(bytes)
        var r = CacheReader(file: file)
        guard r.bytes(magic.count) != nil, r.string() != nil else { return nil }
        for _ in 0..<4 { guard r.int() != nil else { return nil } }
        let at = r.at
        guard r.int() != nil else { return nil }
        var out = bytes
        withUnsafeBytes(of: Checksum.of(file, skipping: at).littleEndian) { out.replaceSubrange(at..<(at + 8), with: $0) }
        return out
    }

    /// Reads a cache file from bytes in memory: what the fuzzer feeds arbitrary bytes to.
    public static func load(bytes: [UInt8], key: String) -> SearchIndex? {
        guard let (index, intact) = read(OwnedBytes.copying(bytes), key: key), intact() else { return nil }
        return index
    }

    /// The bytes `save` would write for an index (the fuzzer's seeds, and tests that damage them).
    public static func bytes(of index: SearchIndex, key: String) -> [UInt8]? {
        let folder = NSTemporaryDirectory() + "termlens-cache-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        save(index, key: key, folder: folder)
        return FileManager.default.contents(atPath: path(key: key, folder: folder)).map { Array($0) }
    }
}

extension OwnedBytes {
    static func copying(_ bytes: [UInt8]) -> OwnedBytes { bytes.withUnsafeBytes { OwnedBytes($0) } }
}

/// Writes the cache file; what it writes after the checksum field is summed as it goes.
private struct CacheWriter {
    var out: [UInt8] = []
    let fd: Int32
    private(set) var failed = false
    private(set) var position = 0
    var checksum: Checksum?

    init(fd: Int32) { self.fd = fd }

    mutating func flushIfFull() { if out.count >= 1 << 20 { flush() } }

    mutating func flush() {
        out.withUnsafeBytes { buffer in
            checksum?.add(buffer)
            var done = 0
            while done < buffer.count, !failed, let base = buffer.baseAddress {
                let n = write(fd, base + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = true } else { done += n }
            }
        }
        out.removeAll(keepingCapacity: true)
    }

    mutating func bytes(_ b: [UInt8]) { append(b) }

    private mutating func append<C: Collection<UInt8>>(_ b: C) {
        out += b
        position += b.count
    }

    mutating func int(_ v: Int) {
        withUnsafeBytes(of: Int64(v).littleEndian) { append($0) }
    }

    mutating func string(_ s: String) { let u = Array(s.utf8); int(u.count); append(u); pad() }
    mutating func blob(_ b: [UInt8]) { int(b.count); append(b); pad() }

    /// A table's bytes, length first, padded to 8 so the next table is aligned in the mapping.
    mutating func region(_ r: ByteRegion) {
        int(r.count)
        flush()
        r.withUnsafeBytes { buffer in
            checksum?.add(buffer)
            var done = 0
            while done < buffer.count, !failed, let base = buffer.baseAddress {
                let n = write(fd, base + done, min(buffer.count - done, 1 << 24))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = true } else { done += n }
            }
        }
        position += r.count
        pad()
    }

    private mutating func pad() {
        let extra = (8 - position % 8) % 8
        if extra > 0 { append([UInt8](repeating: 0, count: extra)) }
    }
}

/// Reads what `CacheWriter` wrote; every read is checked and a short or odd file gives nil.
private struct CacheReader {
    let file: StableBytes
    var at = 0

    mutating func region(_ n: Int) -> ByteRegion? {
        guard let r = ByteRegion(file, offset: at, count: n) else { return nil }
        at += n
        return r
    }

    mutating func bytes(_ n: Int) -> [UInt8]? { region(n)?.bytes }

    mutating func int() -> Int? {
        guard let r = region(8) else { return nil }
        return Int(Int64(littleEndian: r.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }))
    }

    private mutating func pad() -> Bool {
        let extra = (8 - at % 8) % 8
        return region(extra) != nil
    }

    mutating func string() -> String? {
        guard let n = int(), let b = bytes(n), pad() else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    /// A table's bytes, in place.
    mutating func region() -> ByteRegion? {
        guard let n = int(), let r = region(n), pad() else { return nil }
        return r
    }
}

/// The tables of `IndexTables`, in the order the cache file holds them.
enum CacheTables {
    static let count = 21

    static func regions(_ t: IndexTables) -> [ByteRegion] {
        [t.wordStart.storage, t.wordBytes, t.postStart.storage, t.postings.storage, t.tokenStart.storage, t.tokens.storage,
         t.lineOccStart.storage, t.lineOccs.storage, t.rawStart.storage, t.rawBytes, t.unitOccStart.storage,
         t.occLine.storage, t.occRaw.storage, t.occScalar.storage, t.unitSectionStart.storage, t.sectionScalar.storage,
         t.sectionLabel.storage, t.labelStart.storage, t.labelBytes, t.rawTokenStart.storage, t.rawTokenSpans.storage]
    }

    static func tables(_ r: [ByteRegion]) -> IndexTables? {
        guard r.count == count,
              let wordStart = Packed<UInt32>(bytes: r[0]), let postStart = Packed<UInt32>(bytes: r[2]),
              let postings = Packed<UInt32>(bytes: r[3]), let tokenStart = Packed<UInt32>(bytes: r[4]),
              let tokens = Packed<UInt32>(bytes: r[5]), let lineOccStart = Packed<UInt32>(bytes: r[6]),
              let lineOccs = Packed<UInt32>(bytes: r[7]), let rawStart = Packed<UInt64>(bytes: r[8]),
              let unitOccStart = Packed<UInt32>(bytes: r[10]), let occLine = Packed<UInt32>(bytes: r[11]),
              let occRaw = Packed<UInt32>(bytes: r[12]), let occScalar = Packed<UInt32>(bytes: r[13]),
              let unitSectionStart = Packed<UInt32>(bytes: r[14]), let sectionScalar = Packed<UInt32>(bytes: r[15]),
              let sectionLabel = Packed<UInt32>(bytes: r[16]), let labelStart = Packed<UInt32>(bytes: r[17]),
              let rawTokenStart = Packed<UInt32>(bytes: r[19]), let rawTokenSpans = Packed<UInt32>(bytes: r[20]) else { return nil }
        return IndexTables(wordStart: wordStart, wordBytes: r[1], postStart: postStart, postings: postings,
                           tokenStart: tokenStart, tokens: tokens, lineOccStart: lineOccStart, lineOccs: lineOccs,
                           rawStart: rawStart, rawBytes: r[9], rawTokenStart: rawTokenStart, rawTokenSpans: rawTokenSpans, unitOccStart: unitOccStart, occLine: occLine, occRaw: occRaw,
                           occScalar: occScalar, unitSectionStart: unitSectionStart, sectionScalar: sectionScalar,
                           sectionLabel: sectionLabel, labelStart: labelStart, labelBytes: r[18])
    }
}
