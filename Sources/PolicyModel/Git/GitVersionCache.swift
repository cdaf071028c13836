import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What was read from a git versions repository, kept in the cache folder keyed by the
/// repository and its HEAD, so that starting again costs a file read instead of a walk of
/// the whole history. One file per repository:
///
///     termlens-git-versions 1
///     repository <absolute path>
///     head <commit id>
///     count <n>
///     <commit> TAB <stamp> TAB <blob> TAB <service> TAB <terms type>     (n lines, oldest first)
///     check <FNV-1a of everything above>
///
/// A file that is short, altered or of another repository is not trusted: it is read again from git.
enum GitVersionCache {
    static let magic = "termlens-git-versions 1"

    static func path(folder: String, repository: String) -> String {
        folder + "/git-" + IndexCache.key(["git versions", repository]) + ".txt"
    }

    struct Contents: Equatable {
        var head: String
        var entries: [GitVersionEntry]
    }

    static func load(folder: String, repository: String) -> Contents? {
        guard let bytes = try? FileWalker.readBytes(path(folder: folder, repository: repository)) else { return nil }
        return decode(bytes, repository: repository)
    }

    static func decode(_ bytes: [UInt8], repository: String) -> Contents? {
        // The check line covers every byte before it.
        guard let checkStart = bytes.dropLast().lastIndex(of: 10).map({ $0 + 1 }), bytes.last == 10 else { return nil }
        let body = bytes[..<checkStart]
        guard String(decoding: bytes[checkStart...], as: UTF8.self) == "check \(checksum(body))\n" else { return nil }
        var lines = body.split(separator: 10, omittingEmptySubsequences: false).makeIterator()
        func line() -> String? { lines.next().map { String(decoding: $0, as: UTF8.self) } }
        guard line() == magic, line() == "repository " + repository,
              let headLine = line(), headLine.hasPrefix("head "), GitLog.isObjectID(String(headLine.dropFirst(5))),
              let countLine = line(), countLine.hasPrefix("count "), let count = Int(countLine.dropFirst(6)), count >= 0 else { return nil }
        var entries: [GitVersionEntry] = []
        entries.reserveCapacity(min(count, 10_000_000))
        // Services and types repeat across thousands of versions: made into strings once.
        var names: [ArraySlice<UInt8>: (String, String)] = [:]
        for _ in 0..<count {
            guard let fields = lines.next()?.split(separator: 9, omittingEmptySubsequences: false), fields.count == 5,
                  isObjectID(fields[0]), OTASources.stampDate(fields[1]) != nil, isObjectID(fields[2]) else { return nil }
            let key = fields[3].startIndex..<fields[4].endIndex
            var name = names[body[key]]
            if name == nil {
                let service = String(decoding: fields[3], as: UTF8.self), type = String(decoding: fields[4], as: UTF8.self)
                guard GitLog.documentPath(service + "/" + type + ".md") != nil else { return nil }
                name = (service, type)
                names[body[key]] = name
            }
            guard let (service, type) = name else { return nil }
            entries.append(GitVersionEntry(commit: String(decoding: fields[0], as: UTF8.self), stamp: String(decoding: fields[1], as: UTF8.self),
                                           blob: String(decoding: fields[2], as: UTF8.self), service: service, type: type))
        }
        // Nothing but the final empty piece after the last entry's newline.
        guard let rest = lines.next(), rest.isEmpty, lines.next() == nil else { return nil }
        return Contents(head: String(headLine.dropFirst(5)), entries: entries)
    }

    static func encode(_ contents: Contents, repository: String) -> [UInt8] {
        var text = "\(magic)\nrepository \(repository)\nhead \(contents.head)\ncount \(contents.entries.count)\n"
        for e in contents.entries {
            text += "\(e.commit)\t\(e.stamp)\t\(e.blob)\t\(e.service)\t\(e.type)\n"
        }
        var bytes = Array(text.utf8)
        bytes += Array("check \(checksum(bytes[...]))\n".utf8)
        return bytes
    }

    /// Written to a temporary file and renamed over the old one, so a reader never sees half a file.
    /// Names with a tab or a line break cannot be written: such entries are never cached (nor read).
    static func save(_ contents: Contents, folder: String, repository: String) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil else { return }
        let target = path(folder: folder, repository: repository)
        let temp = target + ".\(getpid()).tmp"
        let bytes = encode(contents, repository: repository)
        guard FileManager.default.createFile(atPath: temp, contents: Data(bytes)) else { return }
        if rename(temp, target) != 0 { unlink(temp) }
    }

    private static func isObjectID(_ bytes: ArraySlice<UInt8>) -> Bool {
        (bytes.count == 40 || bytes.count == 64) && bytes.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
