import Foundation
import Testing

/// `termlens search` as people run it: the ranking they see, filters typed in the query, and
/// the JSON fields that say how and where a hit matched.
@Suite("search, run as a process", .serialized)
struct SearchCommandTests {
    typealias T = TermlensProcess

    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func theReadmeExampleListsTheExactPhraseFirst() throws {
        let r = try T.run(["search", "improve the model", "--sources", T.sample], env: ["TERMLENS_CACHE": "off"])
        #expect(r.status == 0)
        let first = try #require(r.stdout.split(separator: "\n").first)
        #expect(first.lowercased().contains("improve the model"), "\(first)")
    }

    /// TERMLENS_TIMINGS=1 says where a search's time goes, on standard error only: the output
    /// is the same, and the phases of a search read from the cache come in their order.
    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func timingsGoToStandardErrorPhaseByPhase() throws {
        let cache = NSTemporaryDirectory() + "termlens-timings-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let args = ["search", "training", "--scope", "documents", "--sources", T.sample]
        let plain = try T.run(args, env: ["TERMLENS_CACHE": cache])
        let timed = try T.run(args, env: ["TERMLENS_CACHE": cache, "TERMLENS_TIMINGS": "1"])
        #expect(plain.status == 0 && timed.status == 0)
        #expect(plain.stderr.isEmpty)
        #expect(timed.stdout == plain.stdout)
        var phases: [String] = []
        var last = -1.0
        for line in timed.stderr.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 4)
            #expect(parts.count == 5 && parts[0] == "termlens:" && parts[1] == "timing" && parts[3] == "ms", "\(line)")
            guard parts.count == 5, let ms = Double(parts[2]) else { continue }
            let phase = String(parts[4])
            // Marks made on the main thread come in time order (the key and the checksum are
            // taken on threads of their own, whenever they finish).
            if !["cache key taken", "checksum summed"].contains(phase) {
                #expect(ms >= last, "\(phase) at \(ms) ms after \(last) ms")
                last = ms
            }
            phases.append(phase.hasSuffix(" matched") ? "matched" : phase)
        }
        let mainPhases = phases.filter { !["cache key taken", "checksum summed"].contains($0) }
        #expect(mainPhases == ["start", "cache mapped", "units read", "tables checked", "index ready", "matched", "described", "printed"])
        #expect(phases.contains("cache key taken") && phases.contains("checksum summed"))
    }

    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func hitsSayTheirScoreKindsAndWhereEveryWordMatched() throws {
        let r = try T.run(["search", "opt out", "--json", "--sources", T.sample], env: ["TERMLENS_CACHE": "off"])
        let hits = try #require(r.json as? [[String: Any]])
        #expect(hits.count > 10)
        var previous = 6
        for hit in hits {
            let score = try #require(hit["score"] as? Int)
            #expect((1...6).contains(score) && score <= previous, "ranked by score")
            previous = score
            let kinds = try #require(hit["kinds"] as? [String])
            #expect(kinds.first == hit["kind"] as? String)
            let snippet = Array(try #require(hit["snippet"] as? String).unicodeScalars)
            let matches = try #require(hit["matches"] as? [[String: Int]])
            #expect(!matches.isEmpty)
            for m in matches {
                let start = try #require(m["start"]), end = try #require(m["end"])
                #expect(0 <= start && start < end && end <= snippet.count)
                let word = String(String.UnicodeScalarView(snippet[start..<end])).lowercased()
                // A word cut by the snippet's edge shows only in part.
                let cut = (start == 1 && snippet.first == "…") || (end == snippet.count - 1 && snippet.last == "…")
                #expect(word.hasPrefix("opt") || word.hasPrefix("out") || cut, "\(word)")
            }
            if hit["kind"] as? String == "quote" {
                let cited = try #require(hit["cited_by"] as? [[String: String]])
                #expect(cited.first?["surface"] == hit["surface"] as? String)
            }
        }
        // The exact phrase leads, and quoted passages that are also document lines say both.
        #expect(hits.first?["score"] as? Int == 6)
        #expect(hits.contains { ($0["kinds"] as? [String]) == ["quote", "document"] })
    }

    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func filtersTypedInTheQueryMeanWhatTheFlagsMean() throws {
        func json(_ args: [String]) throws -> String {
            let r = try T.run(["search"] + args + ["--json", "--sources", T.sample], env: ["TERMLENS_CACHE": "off"])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            return r.stdout
        }
        #expect(try json(["training", "v:deepseek"]) == json(["training", "--vendor", "deepseek"]))
        #expect(try json(["retention", "q:retention"]) == json(["retention", "--question", "retention"]))
        #expect(try json(["training", "@all", "--scope", "documents"]) == json(["training", "--all-versions", "--scope", "documents"]))
        let zh = try #require(try T.run(["search", "数据", "lang:zh", "--json", "--sources", T.sample]).json as? [[String: Any]])
        #expect(!zh.isEmpty)
        // The bundled documents in Chinese, and nothing else.
        let chinese = ["deepseek/user-agreement-zh", "anthropic/consumer-terms-update-zh", "deepseek/research-note-api-training",
                       "baidu/privacy-policy", "baidu/terms-of-service", "moonshot/privacy-policy"]
        #expect(zh.allSatisfy { chinese.contains($0["document"] as? String ?? "") },
                "\(Set(zh.compactMap { $0["document"] as? String }))")
        let privacy = try #require(try T.run(["search", "data", "d:privacy-policy", "v:openai", "--json", "--sources", T.sample]).json as? [[String: Any]])
        #expect(!privacy.isEmpty && privacy.allSatisfy { $0["document"] as? String == "openai/privacy-policy" })
    }
}
