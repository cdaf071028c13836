import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads blobs of one repository through a long-running `git cat-file --batch`: one process
/// per repository, started on first use, answering one request at a time (a few hundred
/// microseconds each, against milliseconds for a process per blob).
final class GitBlobReader: @unchecked Sendable {
    let repository: String
    private let lock = NSLock()
    private var child: Subprocess.Child?
    /// The last blobs read, newest last: describing search hits reads pieces of one text again and again.
    private var recent: [(blob: String, bytes: [UInt8])] = []
    private static let recentLimit = 8
    /// Bytes read from git but not consumed yet.
    private var pending: [UInt8] = []
    private var pendingStart = 0

    private init(repository: String) { self.repository = repository }

    /// The running git's process id, if it runs.
    var processID: pid_t? {
        lock.lock()
        defer { lock.unlock() }
        return child?.pid
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var readers: [String: GitBlobReader] = [:]

    /// The reader of a repository (shared: blobs are read by whoever needs them).
    static func shared(_ repository: String) -> GitBlobReader {
        registryLock.lock()
        defer { registryLock.unlock() }
        if let reader = readers[repository] { return reader }
        let reader = GitBlobReader(repository: repository)
        readers[repository] = reader
        return reader
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of a blob. A git process that died is started again once.
    func contents(of blob: String) throws -> [UInt8] {
        guard GitLog.isObjectID(blob) else { throw Failure(description: "`\(blob)` is not a git object id") }
        lock.lock()
        defer { lock.unlock() }
        if let hit = recent.firstIndex(where: { $0.blob == blob }) { return recent[hit].bytes }
        for attempt in 1...2 {
            do {
                let bytes = try request(blob)
                recent.append((blob, bytes))
                if recent.count > Self.recentLimit { recent.removeFirst() }
                return bytes
            } catch let failure as Failure {
                throw failure
            } catch let spawn as Subprocess.SpawnError {
                throw Failure(description: "\(spawn): reading a git versions repository needs git")
            } catch {
                stop()
                if attempt == 2 { break }
            }
        }
        throw Failure(description: "git cat-file stopped answering in \(repository)")
    }

    /// Raised when the pipe to git broke; the request is tried again with a new process.
    private struct Broken: Error {}

    private func request(_ blob: String) throws -> [UInt8] {
        let child = try running()
        let line = Array((blob + "\n").utf8)
        guard Subprocess.writeAll(child.stdin, line) else { throw Broken() }
        guard let header = try readLine(child.stdout) else { throw Broken() }
        // `<id> blob <size>`, or `<id> missing`.
        let words = header.split(separator: " ")
        if words.count == 2 && words[1] == "missing" {
            throw Failure(description: "git object \(blob) is missing from \(repository)")
        }
        guard words.count == 3, let size = Int(words[2]), size >= 0 else { throw Broken() }
        guard words[1] == "blob" else {
            _ = try readBytes(child.stdout, size + 1)
            throw Failure(description: "git object \(blob) in \(repository) is a \(words[1]), not a file")
        }
        guard let body = try readBytes(child.stdout, size + 1), body.last == 10 else { throw Broken() }
        return Array(body.dropLast())
    }

    private func running() throws -> Subprocess.Child {
        if let child { return child }
        // Writes to a git that has exited must fail with EPIPE, not end termlens.
        signal(SIGPIPE, SIG_IGN)
        let started = try Subprocess.start(["git", "-C", repository, "cat-file", "--batch"], environment: Subprocess.gitEnvironment())
        close(started.stderr)
        child = started
        pending = []
        pendingStart = 0
        return started
    }

    private func stop() {
        guard let child else { return }
        close(child.stdin)
        close(child.stdout)
        _ = Subprocess.wait(child.pid)
        self.child = nil
    }

    /// Reads more from git into `pending`; false at end of file.
    private func fill(_ fd: Int32, atLeast wanted: Int) throws -> Bool {
        if pendingStart > 0 && pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        var chunk = [UInt8](repeating: 0, count: max(1 << 16, wanted))
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            pending += chunk[0..<n]
            return true
        }
    }

    private func readLine(_ fd: Int32) throws -> String? {
        while true {
            if let newline = pending[pendingStart...].firstIndex(of: 10) {
                let line = String(decoding: pending[pendingStart..<newline], as: UTF8.self)
                pendingStart = newline + 1
                return line
            }
            guard try fill(fd, atLeast: 0) else { return nil }
        }
    }

    private func readBytes(_ fd: Int32, _ count: Int) throws -> [UInt8]? {
        while pending.count - pendingStart < count {
            guard try fill(fd, atLeast: count - (pending.count - pendingStart)) else { return nil }
        }
        let out = Array(pending[pendingStart..<(pendingStart + count)])
        pendingStart += count
        if pendingStart == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
        }
        return out
    }
}
