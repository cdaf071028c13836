import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The search index kept on disk between runs, so `termlens search` need not parse the data
/// or fold the texts again: a file named by a key made of everything the index depends on
/// (termlens's version, the bundled data, each layer's and source's files with their sizes
/// and modification times). A file that is missing, stale, truncated or corrupt is ignored.
public enum IndexCache {
    static let magic: [UInt8] = Array("TLIX0003".utf8)

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
    /// are its objects), else the stamps of every file of the dataset folder.
    public static func sourceStamps(_ root: String) -> [String] {
        let absolute = FileWalker.absolute(root)
        guard GitLog.isRepository(absolute) else { return folderStamps(root) }
        return ["git " + absolute + " " + (((try? GitLog.head(absolute)) ?? nil) ?? "no head")]
    }

    /// Stamps of every file under a folder (sorted), cheap enough for every run.
    public static func folderStamps(_ root: String) -> [String] {
        var out: [String] = []
        var stack = [root]
        var visited = 0
        while let dir = stack.popLast(), visited < 200_000 {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                visited += 1
                let path = dir + "/" + name
                var st = stat()
                guard stat(path, &st) == 0 else { continue }
                if st.st_mode & S_IFMT == S_IFDIR { stack.append(path) } else {
                    out.append("\(path) \(st.st_size) \(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
                }
            }
        }
        return out.sorted()
    }

    /// Writes the index a megabyte at a time: held whole (and copied into `Data`) it took
    /// three times its size again at its peak, 5 GB for a 1.2 GB corpus of every version.
    public static func save(_ index: SearchIndex, key: String, folder: String) {
        // A cache that cannot be written is no error.
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let path = folder + "/index-\(key).bin"
        let temp = path + ".\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var w = Writer(fd: fd)
        w.bytes(magic)
        w.string(key)
        w.int(index.allVersions ? 1 : 0)
        w.int(index.corpusBytes)
        w.int(index.units.count)
        for u in index.units {
            w.unit(u)
            if w.out.count >= 1 << 20 { w.flush() }
        }
        w.flush()
        close(fd)
        guard !w.failed, rename(temp, path) == 0 else {
            unlink(temp)
            return
        }
    }

    public static func load(key: String, folder: String, catalogProvider: @escaping () -> Catalog?) -> SearchIndex? {
        let path = folder + "/index-\(key).bin"
        guard let file = MappedFile(path: path) else { return nil }
        var r = Reader(file: file)
        guard r.bytes(magic.count) == magic, r.string() == key,
              let all = r.int(), let corpus = r.int(), let count = r.int(), count >= 0, count < 10_000_000 else { return nil }
        var units: [SearchIndex.Unit] = []
        units.reserveCapacity(count)
        for _ in 0..<count {
            guard let u = r.unit(previous: units) else { return nil }
            units.append(u)
        }
        return SearchIndex(units: units, allVersions: all == 1, corpusBytes: corpus, catalogProvider: catalogProvider)
    }
}

private struct Writer {
    var out: [UInt8] = []
    /// Where `flush` writes what has gathered in `out`.
    let fd: Int32
    private(set) var failed = false

    init(fd: Int32) { self.fd = fd }

    mutating func flush() {
        out.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count, !failed {
                let n = write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { failed = true } else { done += n }
            }
        }
        out.removeAll(keepingCapacity: true)
    }

    mutating func bytes(_ b: [UInt8]) { out += b }
    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { out += $0 } }
    mutating func string(_ s: String) { let u = Array(s.utf8); int(u.count); out += u }
    mutating func optional(_ s: String?) { if let s { int(1); string(s) } else { int(0) } }
    mutating func blob(_ b: [UInt8]) { int(b.count); out += b }
    mutating func words(_ w: Packed<UInt64>) {
        int(w.count)
        out += w.storage.bytes
    }

    mutating func unit(_ u: SearchIndex.Unit) {
        int(u.kind == .quote ? 0 : 1)
        string(u.vendor)
        string(u.document)
        if let v = u.version {
            int(1)
            string(v.date.description)
            string(v.path)
            int(v.origin == .data ? 0 : 1)
            string(v.stamp)
            optional(v.git.map { "\($0.repository)\t\($0.commit)\t\($0.blob)" })
        } else {
            int(0)
        }
        optional(u.surface)
        optional(u.question)
        if let e = u.evidence {
            int(1)
            string(e.vendor); string(e.document); optional(e.version?.description); string(e.quote)
            optional(e.prefix); optional(e.suffix)
        } else {
            int(0)
        }
        blob(u.raw)
        int(u.target ?? -1)
        int(u.duplicateOf ?? -1)
        int(u.hasDuplicates ? 1 : 0)
        if u.duplicateOf == nil {
            blob(u.folded.bytes.bytes)
            int(u.folded.checkpoints.count)
            out += u.folded.checkpoints.storage.bytes
            words(u.folded.markupBits)
            int(u.folded.scalarCount)
            int(u.trigrams.mask)
            words(u.trigrams.words)
        }
        if let sections = u.sections?.sections {
            int(sections.count)
            for s in sections { string(s.label); int(s.start); int(s.level); int(s.line) }
        } else {
            int(-1)
        }
    }
}

/// Reads what `Writer` wrote; every read is bounds-checked and a short or odd file gives nil.
private struct Reader {
    let file: MappedFile
    var at = 0

    mutating func bytes(_ n: Int) -> [UInt8]? { slice(n).map(\.bytes) }

    /// A piece of the mapped file, without copying it.
    mutating func slice(_ n: Int) -> ByteRegion? {
        guard n >= 0, at + n <= file.count else { return nil }
        defer { at += n }
        return ByteRegion(mapping: file, offset: at, count: n)
    }

    mutating func int() -> Int? {
        guard at + 8 <= file.count else { return nil }
        let v = Int64(littleEndian: file.base.loadUnaligned(fromByteOffset: at, as: Int64.self))
        at += 8
        return Int(v)
    }

    mutating func string() -> String? {
        guard let n = int(), let b = bytes(n) else { return nil }
        return String(decoding: b, as: UTF8.self)
    }

    mutating func optional() -> String?? {
        guard let flag = int() else { return nil }
        return flag == 0 ? .some(nil) : string().map { .some($0) }
    }

    mutating func words() -> Packed<UInt64>? {
        guard let n = int(), n >= 0, let b = slice(n * 8) else { return nil }
        return Packed(bytes: b)
    }

    mutating func unit(previous: [SearchIndex.Unit]) -> SearchIndex.Unit? {
        guard let kind = int(), let vendor = string(), let document = string(), let hasVersion = int() else { return nil }
        var version: DocumentVersion?
        if hasVersion == 1 {
            guard let d = string(), let date = SimpleDate(d), let path = string(), let origin = int(), let stamp = string(),
                  let git = optional() else { return nil }
            version = DocumentVersion(date: date, path: path, origin: origin == 0 ? .data : .source, stamp: stamp)
            if let git {
                let parts = git.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3, GitLog.isObjectID(parts[1]), GitLog.isObjectID(parts[2]) else { return nil }
                version?.git = GitObject(repository: parts[0], commit: parts[1], blob: parts[2])
            }
        }
        guard let surface = optional(), let question = optional(), let hasEvidence = int() else { return nil }
        var evidence: Evidence?
        if hasEvidence == 1 {
            guard let ev = string(), let ed = string(), let edate = optional(), let quote = string(),
                  let prefix = optional(), let suffix = optional() else { return nil }
            evidence = Evidence(vendor: ev, document: ed, version: edate.flatMap { SimpleDate($0) }, quote: quote, prefix: prefix,
                                suffix: suffix, note: nil, location: SourceLocation(file: "cache"))
        }
        guard let rawCount = int(), let raw = bytes(rawCount), let target = int(), let duplicate = int(), let hasDuplicates = int() else { return nil }
        let folded: FoldedBytes
        let trigrams: TrigramSet
        if duplicate >= 0 {
            guard duplicate < previous.count else { return nil }
            folded = previous[duplicate].folded
            trigrams = previous[duplicate].trigrams
        } else {
            guard let n = int(), let foldedBytes = slice(n), let cpCount = int(), cpCount >= 0,
                  let cpBytes = slice(cpCount * MemoryLayout<FoldedBytes.Checkpoint>.stride),
                  let markup = words(), let scalarCount = int(), let mask = int(), let tri = words(),
                  mask >= 0, tri.count * 64 == mask + 1 else { return nil }
            let checkpoints = Packed<FoldedBytes.Checkpoint>(bytes: cpBytes)
            folded = FoldedBytes(bytes: foldedBytes, checkpoints: checkpoints, markupBits: markup, scalarCount: scalarCount)
            trigrams = TrigramSet(words: tri, mask: mask)
        }
        guard let sectionCount = int() else { return nil }
        var sections: SectionIndex?
        if sectionCount >= 0 {
            var list: [Section] = []
            for _ in 0..<sectionCount {
                guard let label = string(), let start = int(), let level = int(), let line = int() else { return nil }
                list.append(Section(label: label, title: label, level: level, start: start, line: line))
            }
            sections = SectionIndex(sections: list)
        }
        return SearchIndex.Unit(kind: kind == 0 ? .quote : .document, vendor: vendor, document: document, version: version,
                                surface: surface, question: question, evidence: evidence, folded: folded, raw: raw,
                                trigrams: trigrams, duplicateOf: duplicate >= 0 ? duplicate : nil,
                                hasDuplicates: hasDuplicates == 1, sections: sections, target: target >= 0 ? target : nil)
    }
}
