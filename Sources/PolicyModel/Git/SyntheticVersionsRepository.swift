import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A git versions repository made up for the benchmark, the size of Open Terms Archive's
/// largest (contrib-versions, about 42,000 commits): each commit records one new version of
/// one of 1,000 services × 3 terms types, an hour after the one before. Built with
/// `git fast-import` (a bare repository), deterministic for a given number of commits.
public enum SyntheticVersionsRepository {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    static let types = ["Terms of Service", "Privacy Policy", "Developer Terms"]
    static let words = ["the", "services", "data", "you", "we", "may", "use", "content", "inputs", "outputs", "model", "train",
                        "personal", "information", "terms", "agreement", "provide", "improve", "delete", "retain"]

    public static func build(commits: Int, at path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let initialized = try Subprocess.run(["git", "init", "-q", "--bare", "--initial-branch=main", path])
        guard initialized.status == 0 else { throw Failure(description: "git init: \(initialized.firstErrorLine)") }
        signal(SIGPIPE, SIG_IGN)
        let child = try Subprocess.start(["git", "-C", path, "fast-import", "--quiet"], environment: Subprocess.gitEnvironment())
        close(child.stdout)
        var state: UInt64 = 0x2545F4914F6CDD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        func line() -> String { (0..<12).map { _ in words[next(words.count)] }.joined(separator: " ") }
        var documents: [String: [String]] = [:]
        var buffer: [UInt8] = []
        var failed = false
        let start = 1_451_606_400 // 2016-01-01T00:00:00Z
        for n in 0..<commits where !failed {
            let path = "Service \(next(1000))/\(types[next(types.count)]).md"
            var lines = documents[path] ?? (0..<40).map { _ in line() }
            lines[next(lines.count)] = line()
            documents[path] = lines
            let text = Array((lines.joined(separator: "\n\n") + "\n").utf8)
            let message = "Record \(path)\n"
            buffer += Array("commit refs/heads/main\ncommitter OTA <bot@example.org> \(start + n * 3600) +0000\ndata \(message.utf8.count)\n\(message)M 100644 inline \"\(path)\"\ndata \(text.count)\n".utf8)
            buffer += text
            buffer.append(10)
            if buffer.count > 1 << 20 {
                failed = !Subprocess.writeAll(child.stdin, buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !failed { failed = !Subprocess.writeAll(child.stdin, buffer) }
        close(child.stdin)
        let errors = Subprocess.drain(child.stderr)
        let status = Subprocess.wait(child.pid)
        guard status == 0, !failed else {
            throw Failure(description: "git fast-import failed (status \(status)): \(String(decoding: errors.prefix(300), as: UTF8.self))")
        }
    }
}
