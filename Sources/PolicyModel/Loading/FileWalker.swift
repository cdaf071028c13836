import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks a folder tree with `stat`, following symbolic links but never into a loop.
struct FileWalker {
    struct Problem { var path: String; var message: String }

    let root: String
    private(set) var problems: [Problem] = []
    private var files: [String] = []
    /// Limits that keep a hostile tree from running away.
    private let maxDepth = 24
    private let maxEntries = 500_000
    private var entries = 0

    init(root: String) { self.root = root }

    static func absolute(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let cwd = FileManager.default.currentDirectoryPath
        let full = path.hasPrefix("/") ? path : (path == "." ? cwd : cwd + "/" + path)
        return (full as NSString).standardizingPath
    }

    /// What a data layer's root should be, for messages.
    static let expected = "--data and TERMLENS_DATA take a folder holding vendors/<id>/vendor.yaml (and questions.yaml, optionally)"

    /// Relative paths of regular files under the root, sorted.
    mutating func walk() -> [String] {
        var st = stat()
        guard stat(root, &st) == 0 else {
            problems.append(Problem(path: root, message: "cannot open data folder (\(String(cString: strerror(errno)))): \(Self.expected)"))
            return []
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            problems.append(Problem(path: root, message: "not a folder: \(Self.expected)"))
            return []
        }
        visit(relative: "", ancestors: [Identity(st)], depth: 0)
        return files.sorted()
    }

    private struct Identity: Hashable {
        var dev: UInt64
        var ino: UInt64
        init(_ st: stat) { dev = UInt64(st.st_dev); ino = UInt64(st.st_ino) }
    }

    private mutating func visit(relative: String, ancestors: Set<Identity>, depth: Int) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        guard depth < maxDepth else {
            problems.append(Problem(path: folder, message: "folders nested deeper than \(maxDepth) levels"))
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            problems.append(Problem(path: folder, message: "cannot list folder"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            entries += 1
            if entries > maxEntries {
                problems.append(Problem(path: root, message: "more than \(maxEntries) files"))
                return
            }
            let rel = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + rel
            var st = stat()
            guard stat(full, &st) == 0 else {
                var lst = stat()
                if lstat(full, &lst) == 0 && (lst.st_mode & S_IFMT) == S_IFLNK {
                    problems.append(Problem(path: full, message: "broken or looping symbolic link (\(String(cString: strerror(errno))))"))
                } else {
                    problems.append(Problem(path: full, message: "cannot read: \(String(cString: strerror(errno)))"))
                }
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                let id = Identity(st)
                if ancestors.contains(id) {
                    problems.append(Problem(path: full, message: "symbolic link loop: this folder contains itself"))
                    continue
                }
                visit(relative: rel, ancestors: ancestors.union([id]), depth: depth + 1)
            case S_IFREG:
                files.append(rel)
            default:
                continue
            }
        }
    }

    /// Bytes `range` of a file (fewer at its end), or nil when it cannot be read.
    static func readRange(_ path: String, _ range: Range<Int>) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            var done = 0
            while done < range.count {
                let n = pread(fd, buffer.baseAddress.map { $0 + done }, range.count - done, off_t(range.lowerBound + done))
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failed = true; break }
                if n == 0 { break }
                done += n
            }
            count = done
        }
        return failed ? nil : bytes
    }

    /// Reads a whole file in one go (straight into the array); unreadable ones throw with the reason.
    static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw LayerReadError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw LayerReadError.unreadable(path, String(cString: strerror(errno))) }
        guard st.st_mode & S_IFMT == S_IFREG else { throw LayerReadError.unreadable(path, "not a regular file") }
        var out: [UInt8] = []
        var size = max(0, Int(st.st_size))
        // The size can change under us (a file being written): read until end of file.
        while true {
            let start = out.count
            out.reserveCapacity(start + max(size, 4_096))
            var failure: Int32 = 0
            let got = [UInt8](unsafeUninitializedCapacity: max(size, 4_096)) { buffer, count in
                var done = 0
                while done < buffer.count {
                    let n = read(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno; break }
                    if n == 0 { break }
                    done += n
                }
                count = done
            }
            if failure != 0 { throw LayerReadError.unreadable(path, String(cString: strerror(failure))) }
            out += got
            if got.count < max(size, 4_096) { return out }
            size = 65_536
        }
    }
}
