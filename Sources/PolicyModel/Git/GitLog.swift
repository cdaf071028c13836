import Foundation

/// One recorded version in a git versions repository: a first-parent commit of HEAD that
/// added or changed `<Service>/<Terms Type>.md`.
struct GitVersionEntry: Sendable, Hashable {
    var commit: String
    /// The commit time in UTC, `YYYY-MM-DDTHH-MM-SSZ` (the dataset file name's form).
    var stamp: String
    var blob: String
    var service: String
    var type: String
}

/// Reads a git versions repository's history with git's plumbing.
enum GitLog {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A clone (a folder with `.git`) or a bare repository (HEAD, objects/ and refs/).
    static func isRepository(_ root: String) -> Bool {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: root + "/.git") { return true }
        return fm.fileExists(atPath: root + "/HEAD", isDirectory: &isDir) && !isDir.boolValue
            && fm.fileExists(atPath: root + "/objects", isDirectory: &isDir) && isDir.boolValue
            && fm.fileExists(atPath: root + "/refs", isDirectory: &isDir) && isDir.boolValue
    }

    static func git(_ root: String, _ arguments: [String]) throws -> Subprocess.Output {
        do {
            return try Subprocess.run(["git", "-C", root] + arguments)
        } catch let error as Subprocess.SpawnError {
            throw Failure(message: "\(error): reading a git versions repository needs git")
        }
    }

    /// HEAD's commit id, or nil for a repository with no commit yet.
    static func head(_ root: String) throws -> String? {
        let out = try git(root, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        if out.status == 1 && out.stderr.isEmpty { return nil }
        guard out.status == 0 else { throw Failure(message: "git rev-parse HEAD failed: \(out.firstErrorLine)") }
        let id = String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard isObjectID(id) else { throw Failure(message: "git rev-parse HEAD printed `\(id.prefix(80))`, not a commit id") }
        return id
    }

    /// The versions recorded by HEAD's first-parent history, oldest first; with `since`, only
    /// those of commits after it (which must then be HEAD's first-parent ancestor, else nil).
    static func versions(_ root: String, head: String, since: String? = nil) throws -> [GitVersionEntry]? {
        // -z: paths as they are (no quoting); --no-renames: a rename is a deletion and an addition;
        // --diff-merges=first-parent: a merge on the first-parent line shows what it brought in.
        var arguments = ["log", "--first-parent", "--diff-merges=first-parent", "--raw", "--no-renames", "--no-abbrev",
                         "-z", "--format=%H %P %ct", head]
        if let since { arguments.append("^" + since) }
        let out = try git(root, arguments)
        guard out.status == 0 else { throw Failure(message: "git log failed: \(out.firstErrorLine)") }
        let parsed = try parse(out.stdout)
        if let since {
            // Only when the cached HEAD is the first parent of the oldest new commit is the
            // new stretch all there is to add (a rewritten history is read again whole).
            guard let oldest = parsed.commits.last, oldest.firstParent == since else { return nil }
        }
        return parsed.entries.reversed()
    }

    struct Parsed {
        var commits: [(id: String, firstParent: String?)] = []
        /// Newest first, as git prints them.
        var entries: [GitVersionEntry] = []
    }

    /// Parses `git log -z --raw --format='%H %P %ct'`: a header `ID PARENTS TIME` ended by NUL,
    /// then for each changed path `:MODE MODE OLD NEW STATUS` NUL `PATH` NUL (a newline may
    /// precede a header or the first entry).
    static func parse(_ bytes: [UInt8]) throws -> Parsed {
        var parsed = Parsed()
        var fields = bytes.split(separator: 0, omittingEmptySubsequences: false).makeIterator()
        var commit: (id: String, stamp: String)?
        while let raw = fields.next() {
            var field = raw[...]
            while field.first == 10 { field = field.dropFirst() }
            if field.isEmpty { continue }
            if field.first == UInt8(ascii: ":") {
                guard let path = fields.next() else { throw Failure(message: "git log output ends inside a change") }
                guard let current = commit else { throw Failure(message: "git log output has a change before any commit") }
                if let entry = entry(change: field, path: path, commit: current) { parsed.entries.append(entry) }
                continue
            }
            let words = String(decoding: field, as: UTF8.self).split(separator: " ").map(String.init)
            guard words.count >= 2, isObjectID(words[0]), let seconds = Int(words[words.count - 1]) else {
                throw Failure(message: "unexpected git log output: `\(String(decoding: field.prefix(80), as: UTF8.self))`")
            }
            commit = (words[0], stamp(seconds))
            parsed.commits.append((words[0], words.count >= 3 ? words[1] : nil))
        }
        return parsed
    }

    /// A version when the change adds or modifies a regular file `<Service>/<Terms Type>.md`.
    private static func entry(change: ArraySlice<UInt8>, path: ArraySlice<UInt8>, commit: (id: String, stamp: String)) -> GitVersionEntry? {
        let parts = String(decoding: change.dropFirst(), as: UTF8.self).split(separator: " ")
        guard parts.count == 5, ["100644", "100755"].contains(parts[1]), let status = parts[4].first, "AMT".contains(status),
              isObjectID(String(parts[3])) else { return nil }
        guard let name = String(validating: path, as: UTF8.self), let (service, type) = documentPath(name) else { return nil }
        return GitVersionEntry(commit: commit.id, stamp: commit.stamp, blob: String(parts[3]), service: service, type: type)
    }

    /// `Service` and `Terms Type` from `Service/Terms Type.md`; nil for other paths (README.md,
    /// deeper files, dot files, names with control characters).
    static func documentPath(_ path: String) -> (String, String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, path.hasSuffix(".md") else { return nil }
        let service = String(parts[0]), type = String(parts[1].dropLast(3))
        guard !service.isEmpty, !type.isEmpty, !service.hasPrefix("."), !type.hasPrefix("."),
              !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return (service, type)
    }

    /// 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
    static func isObjectID(_ s: String) -> Bool {
        (s.utf8.count == 40 || s.utf8.count == 64) && s.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }

    /// `YYYY-MM-DDTHH-MM-SSZ` of a Unix time (UTC), the form of dataset version file names.
    static func stamp(_ seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = SimpleDate(dayNumber: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date)T\(two(rest / 3600))-\(two(rest / 60 % 60))-\(two(rest % 60))Z"
    }
}
