import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The cache folder kept small: each new set of inputs writes a new index file, so without
/// pruning the folder grows with every edit of a source folder (tens of megabytes each).
extension IndexCache {
    /// Index files kept: the ones used last (a use renews a file's date, see `markUsed`).
    public static let indexFilesKept = 8
    /// Notes of the last key per set of folders kept.
    static let lastKeyFilesKept = 32
    /// A temporary file older than this was left by a run that stopped while writing.
    static let abandonedAfter: TimeInterval = 3_600

    /// Removes all but the newest index files and last-key notes, and abandoned temporary files.
    /// Another run may still have a removed file mapped: the mapping stays valid (the file
    /// lives until it is unmapped); a run about to open it finds none and builds the index.
    public static func prune(folder: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var indexes: [(name: String, modified: Date)] = []
        var lastKeys: [(name: String, modified: Date)] = []
        for name in names {
            guard let modified = modificationDate(folder + "/" + name) else { continue }
            if name.hasSuffix(".tmp") {
                if now.timeIntervalSince(modified) > abandonedAfter { unlink(folder + "/" + name) }
            } else if name.hasPrefix("index-") && name.hasSuffix(".bin") {
                indexes.append((name, modified))
            } else if name.hasPrefix("last-") {
                lastKeys.append((name, modified))
            }
        }
        for (files, kept) in [(indexes, indexFilesKept), (lastKeys, lastKeyFilesKept)] {
            // Newest first; equal dates by name, so the outcome does not depend on listing order.
            let ordered = files.sorted { $0.modified != $1.modified ? $0.modified > $1.modified : $0.name < $1.name }
            for file in ordered.dropFirst(kept) { unlink(folder + "/" + file.name) }
        }
    }

    /// Renews the date of an index file in use (at most once a day), so pruning keeps it.
    static func markUsed(_ path: String, now: Date = Date()) {
        guard let modified = modificationDate(path), now.timeIntervalSince(modified) > 86_400 else { return }
        utimensat(AT_FDCWD, path, nil, 0)
    }

    private static func modificationDate(_ path: String) -> Date? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(st.st_mtim.tv_sec) + TimeInterval(st.st_mtim.tv_nsec) / 1e9)
    }
}
