import Foundation
import Testing

/// Services of the sources that no analysis covers: listed, shown, diffed and searched.
@Suite("Services without verdicts, run as a process", .serialized)
struct ServicesCommandTests {
    typealias T = TermlensProcess

    /// A dataset with two services no vendor binds and one of DeepSeek's that the data does not declare.
    static func dataset() throws -> Fixture {
        try Fixture([
            "Midjourney/Terms of Service/2024-10-25T00-00-00Z.md": "# Terms\n\n## 5. Rights\n\nYou own the images you create.\n",
            "Midjourney/Terms of Service/2025-02-06T12-30-00Z.md": "# Terms\n\n## 5. Rights\n\nYou own the images you create, subject to these Terms.\n",
            "Replit/Privacy Policy/2025-06-30T08-00-00Z.md": "# Privacy\n\nWe do not use Inputs to train our models unless you opt in.\n",
            "DeepSeek/Model Card/2025-03-01T00-00-00Z.md": "DeepSeek model card.\n",
        ])
    }

    @Test func showListsTheAnalysedVendorsThenTheServicesWithTheirCounts() throws {
        let ds = try Self.dataset()
        defer { ds.remove() }
        let r = try T.run(["show", "--sources", ds.root])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(lines.firstIndex { $0.hasPrefix("Services without verdicts") })
        // The analysed vendors first, in the data's order, then the services.
        let bundled = try #require(try T.run(["show", "--json"]).json as? [[String: Any]])
        let analysed: [String] = bundled.compactMap { $0["id"] as? String }
        let firstWords: [String] = lines[1...analysed.count].map { line in String(line.split(separator: " ").first ?? "") }
        #expect(firstWords == analysed)
        #expect(Array(lines[heading...]) == [
            "Services without verdicts (2, from the loaded sources)",
            "id          name        documents  versions  newest",
            "midjourney  Midjourney  1          2         2025-02-06",
            "replit      Replit      1          1         2025-06-30",
            "",
        ])
    }

    @Test func showJSONMarksThemNotAnalysed() throws {
        let ds = try Self.dataset()
        defer { ds.remove() }
        let list = try #require(try T.run(["show", "--json", "--sources", ds.root]).json as? [[String: Any]])
        #expect(list.map { $0["id"] as? String ?? "" }.suffix(2) == ["midjourney", "replit"])
        let analysed = list.count - 2
        #expect(list.map { $0["analysed"] as? Bool ?? true } == Array(repeating: true, count: analysed) + [false, false])
        let midjourney = try #require(list.first { $0["id"] as? String == "midjourney" })
        #expect(midjourney["documents"] as? Int == 1 && midjourney["versions"] as? Int == 2)
        let detail = try #require(try T.run(["show", "midjourney", "--json", "--sources", ds.root]).json as? [String: Any])
        #expect(detail["analysed"] as? Bool == false)
        #expect((detail["verdicts"] as? [Any])?.isEmpty == true && (detail["surfaces"] as? [Any])?.isEmpty == true)
        let docs = try #require(detail["documents"] as? [[String: Any]])
        #expect(docs.map { $0["document"] as? String ?? "" } == ["midjourney/terms-of-service"])
        #expect((docs.first?["versions"] as? [Any])?.count == 2)
        // DeepSeek's model card joins DeepSeek, as a document without analysis.
        let deepseek = try #require(try T.run(["show", "deepseek", "--json", "--sources", ds.root]).json as? [String: Any])
        let card = try #require((deepseek["documents"] as? [[String: Any]])?.first { $0["id"] as? String == "model-card" })
        #expect(card["analysed"] as? Bool == false)
        #expect(deepseek["analysed"] as? Bool == true)
    }

    @Test func showAServiceListsItsDocuments() throws {
        let ds = try Self.dataset()
        defer { ds.remove() }
        let r = try T.run(["show", "replit", "--sources", ds.root])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            Replit

            Not analysed: termlens has no verdicts for this Open Terms Archive service; its documents can be read, searched and diffed.

            Documents
              privacy-policy  Replit Privacy Policy  (1 version, newest 2025-06-30)

            """)
    }

    /// Services named in Chinese: their names are their ids, and TARGETs name them.
    @Test func chineseNamedServicesAreTargets() throws {
        let ds = try Fixture([
            "智谱清言/Privacy Policy/2025-05-01T00-00-00Z.md": "# 隐私政策\n\n## 1. 收集\n\n我们收集你的输入。\n",
            "文心一言/用户协议/2025-05-02T00-00-00Z.md": "# 用户协议\n\n第一条 我们提供服务。\n",
            "文心一言/用户协议/2025-06-02T00-00-00Z.md": "# 用户协议\n\n第一条 我们提供更好的服务。\n",
        ])
        defer { ds.remove() }
        let list = try #require(try T.run(["show", "--json", "--sources", ds.root]).json as? [[String: Any]])
        #expect(list.filter { $0["analysed"] as? Bool == false }.compactMap { $0["id"] as? String } == ["文心一言", "智谱清言"])
        let browse = try T.run(["browse", "智谱清言/privacy-policy", "--sources", ds.root])
        #expect(browse.status == 0, "\(browse.stderr)")
        #expect(browse.stdout == "# 隐私政策\n\n## 1. 收集\n\n我们收集你的输入。\n")
        let clause = try T.run(["browse", "智谱清言/privacy-policy:1", "--sources", ds.root])
        #expect(clause.status == 0 && clause.stdout.contains("我们收集你的输入。"), "\(clause.stderr)")
        let diff = try T.run(["diff", "文心一言/用户协议", "--sources", ds.root])
        #expect(diff.stdout.contains("changed: 第一条 我们提供{+更好的+}服务。"), "\(diff.stdout)\(diff.stderr)")
    }

    @Test func diffSearchAndExportReachThem() throws {
        let ds = try Self.dataset()
        defer { ds.remove() }
        let diff = try T.run(["diff", "midjourney/terms-of-service", "--sources", ds.root])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("midjourney/terms-of-service  2024-10-25 → 2025-02-06"))
        #expect(diff.stdout.contains("{+, subject to these Terms+}"))
        let search = try #require(try T.run(["search", "train", "--vendor", "replit", "--json", "--sources", ds.root]).json as? [[String: Any]])
        #expect(search.map { $0["document"] as? String ?? "" } == ["replit/privacy-policy"])
        let export = try T.run(["export", "--format", "markdown", "replit/privacy-policy", "--sources", ds.root])
        #expect(export.status == 0 && export.stdout.contains("We do not use Inputs to train our models"))
        // Exporting everything means the analysis: no service without verdicts.
        let all = try T.run(["export", "--format", "csv", "--sources", ds.root])
        #expect(all.status == 0 && !all.stdout.contains("midjourney") && !all.stdout.contains("replit"))
    }

    @Test func checkHasNothingToSayAboutThem() throws {
        let ds = try Self.dataset()
        defer { ds.remove() }
        let r = try T.run(["check", "--sources", ds.root])
        #expect(r.status == 0, "\(r.stderr)")
        // (DeepSeek's bindings are warned about as before: this dataset lacks their types.)
        for name in ["midjourney", "Midjourney", "replit", "Replit", "model-card"] {
            #expect(!r.stderr.contains(name), "check mentions \(name): \(r.stderr)")
        }
    }
}
