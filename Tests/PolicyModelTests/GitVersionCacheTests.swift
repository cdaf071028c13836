import Foundation
import Testing
@testable import PolicyModel

@Suite("Git versions: cache, history shapes, bad repositories", .serialized)
struct GitVersionCacheTests {
    typealias V = GitReplay.Version

    func version(_ stamp: String, _ service: String, _ type: String, text: String, in folder: String) throws -> V {
        let file = folder + "/" + UUID().uuidString
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return V(stamp: stamp, service: service, type: type, file: file, seconds: try #require(GitReplay.seconds(stamp)))
    }

    /// A clone with three versions of one document, and a cache folder.
    func setUp() throws -> (repo: String, cache: String, texts: String) {
        let base = NSTemporaryDirectory() + "termlens-gitcache-" + UUID().uuidString
        let texts = base + "/texts"
        try FileManager.default.createDirectory(atPath: texts, withIntermediateDirectories: true)
        let versions = try [
            version("2025-01-01T00-00-00Z", "Acme", "Terms of Service", text: "one\n", in: texts),
            version("2025-02-01T00-00-00Z", "Acme", "Terms of Service", text: "two\n", in: texts),
            version("2025-03-01T00-00-00Z", "Acme", "Privacy Policy", text: "privacy\n", in: texts),
        ]
        try GitReplay.commitEach(versions, into: base + "/repo")
        return (FileWalker.absolute(base + "/repo"), base + "/cache", texts)
    }

    func commit(_ v: V, in repo: String) throws {
        let path = v.service + "/" + v.type + ".md"
        try FileManager.default.createDirectory(atPath: repo + "/" + v.service, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: v.file, toPath: repo + "/" + path + ".new")
        try? FileManager.default.removeItem(atPath: repo + "/" + path)
        try FileManager.default.moveItem(atPath: repo + "/" + path + ".new", toPath: repo + "/" + path)
        try GitReplay.git(["add", "--", path], in: repo)
        try GitReplay.git(["-c", "user.name=OTA", "-c", "user.email=bot@example.org", "commit", "-q", "-m", "Record"], in: repo,
                          env: ["GIT_COMMITTER_DATE": "@\(v.seconds) +0000"])
    }

    @Test func aSecondReadComesFromTheCacheAndAPullAddsOnlyTheNewCommits() throws {
        let (repo, cache, texts) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: (repo as NSString).deletingLastPathComponent) }
        let first = try GitSource.read(repo, cacheFolder: cache)
        #expect(first.how == .full)
        #expect(first.entries.map(\.stamp) == ["2025-01-01T00-00-00Z", "2025-02-01T00-00-00Z", "2025-03-01T00-00-00Z"])
        let second = try GitSource.read(repo, cacheFolder: cache)
        #expect(second.how == .cached)
        #expect(second.entries == first.entries)

        try commit(version("2025-04-01T00-00-00Z", "Acme", "Terms of Service", text: "three\n", in: texts), in: repo)
        let pulled = try GitSource.read(repo, cacheFolder: cache)
        #expect(pulled.how == .incremental)
        #expect(pulled.entries.map(\.stamp) == first.entries.map(\.stamp) + ["2025-04-01T00-00-00Z"])
        #expect(pulled.entries == (try GitSource.read(repo, cacheFolder: nil)).entries)

        // History rewritten under the cache (the cached HEAD is no ancestor any more): read whole.
        try GitReplay.git(["reset", "-q", "--hard", "HEAD~2"], in: repo)
        try commit(version("2025-05-01T00-00-00Z", "Acme", "Terms of Service", text: "four\n", in: texts), in: repo)
        let rewritten = try GitSource.read(repo, cacheFolder: cache)
        #expect(rewritten.how == .full)
        #expect(rewritten.entries.map(\.stamp) == ["2025-01-01T00-00-00Z", "2025-02-01T00-00-00Z", "2025-05-01T00-00-00Z"])
    }

    @Test func aCorruptCacheIsReadAgainFromGitAndRewritten() throws {
        let (repo, cache, _) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: (repo as NSString).deletingLastPathComponent) }
        let truth = try GitSource.read(repo, cacheFolder: cache).entries
        let path = GitVersionCache.path(folder: cache, repository: repo)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = good
        flipped[flipped.count / 2] ^= 0x01
        let otherRepository = String(decoding: good, as: UTF8.self).replacingOccurrences(of: "repository " + repo, with: "repository /elsewhere")
        let corruptions: [(String, Data)] = [
            ("truncated", good.prefix(good.count - 30)),
            ("a flipped bit", flipped),
            ("empty", Data()),
            ("garbage", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) })),
            ("another repository's", Data(otherRepository.utf8)),
        ]
        for (what, bytes) in corruptions {
            try bytes.write(to: URL(fileURLWithPath: path))
            let read = try GitSource.read(repo, cacheFolder: cache)
            #expect(read.how == .full, "a \(what) cache was trusted")
            #expect(read.entries == truth, "a \(what) cache changed the versions")
            #expect(GitVersionCache.load(folder: cache, repository: repo)?.entries == truth, "the cache was not rewritten after a \(what) one")
        }
        // A folder where the cache file should be: read from git, no crash.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        #expect(try GitSource.read(repo, cacheFolder: cache).entries == truth)
    }

    @Test func aMergeOnTheFirstParentLineIsAVersionAtTheMergeTime() throws {
        let (repo, _, texts) = try setUp()
        defer { try? FileManager.default.removeItem(atPath: (repo as NSString).deletingLastPathComponent) }
        try GitReplay.git(["checkout", "-q", "-b", "side"], in: repo)
        try commit(version("2025-03-10T00-00-00Z", "Acme", "Terms of Service", text: "from the side\n", in: texts), in: repo)
        try GitReplay.git(["checkout", "-q", "main"], in: repo)
        let mergeTime = try #require(GitReplay.seconds("2025-03-20T00-00-00Z"))
        try GitReplay.git(["-c", "user.name=OTA", "-c", "user.email=bot@example.org", "merge", "-q", "--no-ff", "-m", "Merge", "side"], in: repo,
                          env: ["GIT_COMMITTER_DATE": "@\(mergeTime) +0000"])
        let head = try #require(try GitLog.head(repo))
        let entries = try #require(try GitLog.versions(repo, head: head))
        #expect(entries.map(\.stamp) == ["2025-01-01T00-00-00Z", "2025-02-01T00-00-00Z", "2025-03-01T00-00-00Z", "2025-03-20T00-00-00Z"])
        let merged = try #require(entries.last)
        let reader = GitBlobReader.shared(repo)
        #expect(try reader.contents(of: merged.blob) == Array("from the side\n".utf8))
        // The long-lived git holds its own pipes and nothing else of this process's.
        let pid = try #require(reader.processID)
        let fds = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").compactMap(Int.init).sorted()
        #expect(fds == [0, 1, 2])
    }

    @Test func brokenAndEmptyRepositoriesAreReportedNotFatal() throws {
        let base = NSTemporaryDirectory() + "termlens-gitbad-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/broken", withIntermediateDirectories: true)
        try Data("gitdir: /nonexistent/termlens\n".utf8).write(to: URL(fileURLWithPath: base + "/broken/.git"))
        var sources = OTASources()
        let broken = sources.add(root: base + "/broken")
        #expect(broken.count == 1 && broken.first?.severity == .error)
        #expect(broken.first?.message.hasPrefix("git rev-parse HEAD failed: fatal: not a git repository") == true, "\(broken)")

        try GitReplay.git(["init", "-q", base + "/empty"], in: base)
        let empty = sources.add(root: base + "/empty")
        #expect(empty.map(\.severity) == [.warning])
        #expect(sources.versionCount == 0)
        #expect(throws: GitBlobReader.Failure.self) { try GitBlobReader.shared(base + "/empty").contents(of: String(repeating: "0", count: 40)) }
    }

    @Test func logParsing() throws {
        let header = "1111111111111111111111111111111111111111 2222222222222222222222222222222222222222 1735787045\0"
        let change = "\n:000000 100644 0000000000000000000000000000000000000000 3333333333333333333333333333333333333333 A\0Acme/Terms of Service.md\0"
        let deleted = ":100644 000000 3333333333333333333333333333333333333333 0000000000000000000000000000000000000000 D\0Acme/Old.md\0"
        let readme = ":000000 100644 0000000000000000000000000000000000000000 4444444444444444444444444444444444444444 A\0README.md\0"
        let parsed = try GitLog.parse(Array((header + change + deleted + readme).utf8))
        #expect(parsed.entries == [GitVersionEntry(commit: String(repeating: "1", count: 40), stamp: "2025-01-02T03-04-05Z",
                                                   blob: String(repeating: "3", count: 40), service: "Acme", type: "Terms of Service")])
        #expect(parsed.commits.first?.firstParent == String(repeating: "2", count: 40))
        #expect(throws: GitLog.Failure.self) { try GitLog.parse(Array("not a commit header\0".utf8)) }
        #expect(throws: GitLog.Failure.self) { try GitLog.parse(Array((header + ":100644 100644 a b M").utf8)) }
        #expect(GitLog.stamp(0) == "1970-01-01T00-00-00Z")
        #expect(GitLog.stamp(1_774_611_037) == "2026-03-27T11-30-37Z")
    }
}
