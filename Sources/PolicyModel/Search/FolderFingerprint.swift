#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A fingerprint of every file under a folder: each file's path, size and modification time,
/// so that a file added, removed, renamed or written changes it. Taken on every search, so
/// it is cheap: each folder is read once and each entry stat'ed relative to it, an entry the
/// folder says is a folder is not stat'ed at all, and the files' hashes are summed (in no
/// particular order: nothing is sorted, no string is made per file).
enum FolderFingerprint {
    /// At most this many entries are visited (a guard against a source folder that is `/`).
    static let entryLimit = 200_000

    static func of(_ root: String) -> String {
        var sum: UInt64 = 0
        var visited = 0
        var stack: [[UInt8]] = [Array(root.utf8)]
        while let dir = stack.popLast(), visited < entryLimit {
            guard let handle = (dir + [0]).withUnsafeBufferPointer({ z in
                z.baseAddress.flatMap { UnsafeRawPointer($0).withMemoryRebound(to: CChar.self, capacity: z.count) { opendir($0) } }
            }) else { continue }
            defer { closedir(handle) }
            let fd = dirfd(handle)
            // The folder's path, hashed once; each name continues from it.
            let folderHash = fnv(dir + [UInt8(ascii: "/")], from: 0xcbf2_9ce4_8422_2325)
            while let entry = readdir(handle), visited < entryLimit {
                let kind = entry.pointee.d_type
                let isDirectory: Bool?
                switch Int32(kind) {
                case Int32(DT_DIR): isDirectory = true
                case Int32(DT_REG): isDirectory = false
                default: isDirectory = nil  // a link or an unknown kind: stat says
                }
                var st = stat()
                let seen: Entry = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                    let name = raw.prefix { $0 != 0 }
                    guard let first = name.first, first != UInt8(ascii: ".") else { return .skipped }
                    if isDirectory != true {
                        let found = raw.withMemoryRebound(to: CChar.self) { z in z.baseAddress.map { fstatat(fd, $0, &st, 0) } ?? -1 }
                        guard found == 0 else { return .skipped }
                    }
                    if isDirectory ?? (st.st_mode & S_IFMT == S_IFDIR) { return .folder(Array(name)) }
                    var h = fnv(name, from: folderHash)
                    h = mix(h ^ UInt64(bitPattern: Int64(st.st_size)))
                    h = mix(h ^ UInt64(bitPattern: Int64(st.st_mtim.tv_sec)))
                    return .file(mix(h ^ UInt64(bitPattern: Int64(st.st_mtim.tv_nsec))))
                }
                switch seen {
                case .skipped: continue
                case .folder(let name): stack.append(dir + [UInt8(ascii: "/")] + name)
                case .file(let h): sum &+= h
                }
                visited += 1
            }
        }
        return String(mix(sum ^ UInt64(visited)), radix: 16)
    }

    private enum Entry {
        case skipped
        case folder([UInt8])
        case file(UInt64)
    }

    private static func fnv(_ bytes: some Sequence<UInt8>, from seed: UInt64) -> UInt64 {
        var h = seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// A strong 64-bit mix (splitmix64's finaliser), so that summing the files' hashes keeps
    /// them apart.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
