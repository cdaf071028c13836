import Foundation
import PolicyModel

/// Reading a git versions repository the size of Open Terms Archive's largest: built fresh
/// (`git fast-import`) in a temporary folder, read once with an empty cache (the whole
/// first-parent history through `git log`), then again (HEAD unchanged: from the cache).
enum GitReadBench {
    struct Figures {
        var commits: Int
        var versions: Int
        var buildMs: Double
        var firstReadMs: Double
        var cachedReadMs: Double
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func measure(commits: Int) throws -> Figures {
        let base = NSTemporaryDirectory() + "termlens-bench-git-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let clock = ContinuousClock()
        let t0 = clock.now
        try SyntheticVersionsRepository.build(commits: commits, at: base + "/repo.git")
        let built = clock.now
        var first = OTASources()
        let problems = first.add(root: base + "/repo.git", cacheFolder: base + "/cache")
        if let problem = problems.first { throw Failure(description: problem.description) }
        let read = clock.now
        var again = OTASources()
        _ = again.add(root: base + "/repo.git", cacheFolder: base + "/cache")
        let cached = clock.now
        guard again.versionCount == first.versionCount, again.gitReads.first?.how == "cached" else {
            throw Failure(description: "the second read did not come from the cache")
        }
        return Figures(commits: commits, versions: first.versionCount, buildMs: (built - t0).milliseconds,
                       firstReadMs: (read - built).milliseconds, cachedReadMs: (cached - read).milliseconds)
    }
}
