import Foundation
import Testing

/// The workflow README describes: clone a versions repository, point termlens at it, pull.
@Suite("Git versions repositories, run as a process", .serialized)
struct GitSourcesCommandTests {
    typealias T = TermlensProcess

    /// Runs git in `dir` with a fixed identity and, when given, the commit time.
    @discardableResult
    static func git(_ args: [String], in dir: String, at time: String? = nil) throws -> String {
        var env = ["GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "OTA", "GIT_AUTHOR_EMAIL": "bot@example.org",
                   "GIT_COMMITTER_NAME": "OTA", "GIT_COMMITTER_EMAIL": "bot@example.org"]
        if let time { env["GIT_COMMITTER_DATE"] = time }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        if p.terminationStatus != 0 { Issue.record("git \(args.joined(separator: " ")): \(text)") }
        return text
    }

    static func record(_ path: String, _ text: String, at time: String, in repo: String) throws {
        let full = repo + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        try git(["add", "--", path], in: repo)
        try git(["commit", "-q", "-m", "Record \(path)"], in: repo, at: time)
    }

    @Test func cloneBrowsePullAndSeeTheNewVersion() throws {
        let base = NSTemporaryDirectory() + "termlens-gitcli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let upstream = base + "/upstream", clone = base + "/clone", cache = base + "/cache"
        try FileManager.default.createDirectory(atPath: upstream, withIntermediateDirectories: true)
        try Self.git(["init", "-q", "-b", "main"], in: upstream)
        try Self.record("Replit/Privacy Policy.md", "# Privacy\n\nWe do not train on Inputs.\n", at: "2025-06-30T08:00:00Z", in: upstream)
        try Self.git(["clone", "-q", upstream, clone], in: base)
        let env = ["TERMLENS_CACHE": cache]

        let shown = try #require(try T.run(["show", "replit", "--json", "--sources", clone], env: env).json as? [String: Any])
        let versions = try #require((shown["documents"] as? [[String: Any]])?.first?["versions"] as? [[String: Any]])
        #expect(versions.map { $0["date"] as? String ?? "" } == ["2025-06-30"])
        #expect((versions.first?["commit"] as? String)?.count == 40)
        #expect((versions.first?["path"] as? String)?.hasSuffix("/clone/Replit/Privacy Policy.md@" + (versions.first?["commit"] as? String ?? "")) == true)
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix("git-") }
        #expect(cached.count == 1, "what was read from git is cached")

        // Upstream records a new version; the clone pulls it; termlens sees it (TERMLENS_SOURCES this time).
        try Self.record("Replit/Privacy Policy.md", "# Privacy\n\nWe do not train on Inputs unless you opt in.\n", at: "2025-09-01T12:00:00Z", in: upstream)
        try Self.git(["pull", "-q", "--ff-only"], in: clone)
        let diff = try T.run(["diff", "replit/privacy-policy"], env: env.merging(["TERMLENS_SOURCES": clone]) { $1 })
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.hasPrefix("replit/privacy-policy  2025-06-30 → 2025-09-01"))
        #expect(diff.stdout.contains("{+unless you opt in+}"))
        let search = try T.run(["search", "opt in", "--vendor", "replit", "--sources", clone], env: env)
        #expect(search.stdout.hasPrefix("replit/privacy-policy@2025-09-01"), "\(search.stdout)")
    }

    @Test func aFolderThatIsNoRepositoryNorDatasetAndABrokenOneAreErrors() throws {
        let base = NSTemporaryDirectory() + "termlens-gitcli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/broken", withIntermediateDirectories: true)
        try Data("gitdir: /nonexistent/termlens\n".utf8).write(to: URL(fileURLWithPath: base + "/broken/.git"))
        let r = try T.run(["show", "--sources", base + "/broken"], env: ["TERMLENS_CACHE": "off"])
        #expect(r.status == 65)
        #expect(r.stderr.hasPrefix(base + "/broken: error: git rev-parse HEAD failed: fatal: not a git repository"), "\(r.stderr)")

        // A repository, but no git to read it with.
        try FileManager.default.createDirectory(atPath: base + "/repo", withIntermediateDirectories: true)
        try Self.git(["init", "-q"], in: base + "/repo")
        let noGit = try T.run(["show", "--sources", base + "/repo"], env: ["TERMLENS_CACHE": "off", "PATH": base + "/no-such-bin"])
        #expect(noGit.status == 65)
        #expect(noGit.stderr.hasPrefix(base + "/repo: error: git not found on PATH: reading a git versions repository needs git"), "\(noGit.stderr)")
    }
}
