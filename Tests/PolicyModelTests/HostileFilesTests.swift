import Foundation
import Testing
@testable import PolicyModel

/// The git versions cache and the state file are read at start-up from disk, where anything can
/// happen to them: mutated bytes are rejected (or read as what they say), never a crash.
@Suite("Hostile cache and state files")
struct HostileFilesTests {
    static let cache: [UInt8] = GitVersionCache.encode(GitVersionCache.Contents(head: String(repeating: "a", count: 40), entries: [
        GitVersionEntry(commit: String(repeating: "1", count: 40), stamp: "2026-03-27T11-30-37Z", blob: String(repeating: "2", count: 40),
                        service: "DeepSeek", type: "Terms of Service"),
        GitVersionEntry(commit: String(repeating: "3", count: 40), stamp: "2026-04-21T00-00-00Z", blob: String(repeating: "4", count: 64),
                        service: "文心一言", type: "隐私政策"),
    ]), repository: "/repo")

    static func mutate(_ bytes: [UInt8], _ rng: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !out.isEmpty else { break }
            let at = Int.random(in: 0..<out.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: out[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: out.remove(at: at)
            case 2: out.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            default: out = Array(out.prefix(at))
            }
        }
        return out
    }

    @Test func aMutatedGitCacheIsNeverTrusted() {
        #expect(GitVersionCache.decode(Self.cache, repository: "/repo")?.entries.count == 2)
        var rng = SeededGenerator(seed: 0x617C_AC4E)
        var rejected = 0
        for _ in 0..<5_000 {
            let bytes = Self.mutate(Self.cache, &rng)
            guard bytes != Self.cache else { continue }
            // The checksum covers every byte: a changed file is read again from git.
            if GitVersionCache.decode(bytes, repository: "/repo") == nil { rejected += 1 } else { Issue.record("a mutated cache was trusted") }
        }
        #expect(rejected > 4_000)
        for n in [0, 1, 7, 1000] { #expect(GitVersionCache.decode(Array(repeating: 0x0A, count: n), repository: "/repo") == nil) }
    }

    @Test func aMutatedStateFileIsReadOrRejected() {
        let state = LookState(lastLook: "2026-08-20T10:00:00Z", seen: ["deepseek/terms-of-service": "2026-03-27T11-30-37Z", "文心一言/隐私政策": "2025-05-21T09-15-00Z"])
        let bytes = StateStore.encode(state)
        #expect((try? StateStore.decode(bytes).get()) == state)
        var rng = SeededGenerator(seed: 0x57A7_E001)
        var outcomes = (read: 0, rejected: 0)
        for _ in 0..<5_000 {
            switch StateStore.decode(Self.mutate(bytes, &rng)) {
            case .success(let read):
                outcomes.read += 1
                // Whatever is read is well formed: a time, or nothing.
                #expect(read.lastLook.map(StateStore.isTime) ?? true)
            case .failure:
                outcomes.rejected += 1
            }
        }
        #expect(outcomes.read > 0 && outcomes.rejected > 0)
    }
}
