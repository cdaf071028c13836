import Foundation
import Testing

@Suite("show --question and verdict Markdown, run as a process", .serialized)
struct QuestionAndCitationCommandTests {
    typealias T = TermlensProcess

    @Test func oneQuestionAcrossEveryVendorGroupedByAnswer() throws {
        let json = try T.run(["show", "--question", "train-on-inputs", "--json"])
        #expect(json.status == 0)
        let verdicts = try #require(json.json as? [[String: Any]])
        let export = try #require(try T.run(["export", "--format", "json"]).json as? [String: Any])
        let vendors = try #require(export["vendors"] as? [[String: Any]])
        let surfaces = vendors.reduce(0) { $0 + (($1["surfaces"] as? [Any])?.count ?? 0) }
        #expect(verdicts.count == surfaces, "one verdict per vendor × surface")
        #expect(verdicts.allSatisfy { $0["vendor"] is String && $0["surface"] is String && $0["question"] as? String == "train-on-inputs" })
        let order = ["yes", "no", "conditional", "silent", "not-applicable", "unknown"]
        let ranks = verdicts.compactMap { ($0["answer"] as? String).flatMap(order.firstIndex) }
        #expect(ranks == ranks.sorted(), "grouped in answer order")
        #expect(verdicts.filter { $0["answer"] as? String == "unknown" }.allSatisfy { ($0["missing"] as? [String])?.isEmpty == false })

        let no = try #require(try T.run(["show", "--question", "train-on-inputs", "--answer", "no", "--surface", "api", "--json"]).json as? [[String: Any]])
        #expect(!no.isEmpty && no.allSatisfy { $0["answer"] as? String == "no" && $0["surface"] as? String == "api" })

        let text = try T.run(["show", "--question", "train-on-inputs", "--answer", "no", "--surface", "api"], env: ["COLUMNS": "100"])
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Are my inputs used to train models?  (train-on-inputs; good for you: no)")
        #expect(lines.contains("✗ no (\(no.count))"))
        #expect(lines.filter { $0.hasPrefix("  ") }.count == no.count)

        // Piped without COLUMNS: nothing is cut, every summary is whole.
        let piped = try T.run(["show", "--question", "train-on-inputs"], env: ["COLUMNS": ""]).stdout
        let all = try #require(try T.run(["show", "--question", "train-on-inputs", "--json"]).json as? [[String: Any]])
        for v in all {
            let summary = try #require((v["summary"] as? [String: Any])?["en"] as? String ?? v["summary"] as? String)
            #expect(piped.split(separator: "\n").contains { $0.hasSuffix(summary) }, "\(summary)")
        }
        #expect(!piped.contains("…  "), "no cut surface name")

        #expect(try T.run(["show", "--question", "trian-on-inputs"]).stderr.contains("did you mean `train-on-inputs`"))
        #expect(try T.run(["show", "--answer", "no"]).status == 2)
        #expect(try T.run(["show", "deepseek", "--question", "retention"]).status == 2)
    }

    @Test(.enabled(if: T.sampleExists, "needs ../shared/ota/sample"))
    func aVerdictExportsAsTheMarkdownTheBrowserCopies() throws {
        let r = try T.run(["export", "--format", "markdown", "deepseek/consumer/training-opt-out", "--sources", T.sample])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "## DeepSeek — Web & App chat: Can I stop that use?")
        #expect(lines.contains("**[1]** DeepSeek, *DeepSeek Terms of Use*, version of 2026-03-27, §4.3, <https://cdn.deepseek.com/policies/en-US/deepseek-terms-of-use.html>"))
        #expect(lines.last == "" && lines.dropLast().last?.hasPrefix("*termlens `deepseek/consumer/training-opt-out`") == true)
        let quotes = lines.filter { $0.hasPrefix("> “") }.count
        let evidence = try #require((try T.run(["show", "deepseek", "consumer", "training-opt-out", "--json"]).json as? [String: Any])?["evidence"] as? [Any])
        #expect(quotes == evidence.count)
    }
}
