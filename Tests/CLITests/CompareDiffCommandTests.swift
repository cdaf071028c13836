import Foundation
import Testing

@Suite("compare and diff, run as a process", .serialized)
struct CompareDiffCommandTests {
    typealias T = TermlensProcess

    // MARK: compare vendors

    @Test func compareVendorsJSONHasAColumnPerSurfaceAndVerdictsAsInShow() throws {
        let r = try T.run(["compare", "deepseek", "openai/api", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(r.json as? [String: Any])
        let columns = try #require(object["columns"] as? [[String: Any]])
        let deepseek = try #require(try T.run(["show", "deepseek", "--json"]).json as? [String: Any])
        let surfaces = try #require(deepseek["surfaces"] as? [[String: Any]])
        #expect(columns.count == surfaces.count + 1)
        #expect(columns.last?["vendor"] as? String == "openai" && columns.last?["surface"] as? String == "api")
        let verdicts = try #require(object["verdicts"] as? [[String: Any]])
        let shown = try #require(try T.run(["show", "openai", "api", "train-on-inputs", "--json"]).json as? [String: Any])
        let same = try #require(verdicts.first { $0["vendor"] as? String == "openai" && $0["question"] as? String == "train-on-inputs" })
        #expect(same["answer"] as? String == shown["answer"] as? String)
        for key in ["vendor", "surface", "question", "answer", "summary", "as_of", "evidence"] { #expect(same[key] != nil, "verdict missing \(key)") }
    }

    @Test func compareOneQuestion() throws {
        let r = try T.run(["compare", "deepseek/api", "openai/api", "anthropic/api", "--question", "train-on-inputs", "--json"])
        let object = try #require(r.json as? [String: Any])
        let verdicts = try #require(object["verdicts"] as? [[String: Any]])
        #expect(verdicts.count == 3)
        #expect(verdicts.allSatisfy { $0["question"] as? String == "train-on-inputs" })
    }

    func tableLines(width: Int) throws -> [String] {
        let r = try T.run(["compare", "deepseek", "openai", "anthropic", "--width", String(width)])
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Display width, counting East Asian wide characters as two cells.
    func cells(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x20000...0x3FFFD).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    @Test func textTableFitsEightyColumnsInGroupsAndTwoHundredInOne() throws {
        let narrow = try tableLines(width: 80)
        #expect(narrow.allSatisfy { cells($0) <= 80 }, "a line is wider than 80: \(narrow.filter { cells($0) > 80 })")
        #expect(narrow.contains { $0.hasPrefix("columns 1–") }, "80 columns split the surfaces into groups")
        let wide = try tableLines(width: 200)
        #expect(wide.allSatisfy { cells($0) <= 200 })
        #expect(!wide.contains { $0.hasPrefix("columns ") }, "200 columns hold all eight surfaces")
        let header = try #require(wide.first)
        for name in ["DeepSeek", "OpenAI", "Anthropic"] { #expect(header.contains(name)) }
        // Answers carry a word, never a colour alone, and no escape codes in a pipe.
        #expect(wide.contains { $0.contains("✓ yes") } && wide.contains { $0.contains("∅ silent") })
        #expect(!wide.joined().contains("\u{1B}["))
        // The columns are aligned: every separator of the header rows sits at the same cell.
        let rule = try #require(wide.firstIndex { $0.hasPrefix("─") })
        let rows = wide[(rule + 1)...].prefix(3)
        func bars(_ line: String) -> [Int] {
            var out: [Int] = [], col = 0
            for ch in line { if ch == "│" { out.append(col) }; col += cells(String(ch)) }
            return out
        }
        let expected = bars(header)
        for row in rows where !row.isEmpty { #expect(bars(row) == expected, "\(row)") }
    }

    @Test func compareUsageAndMissingThings() throws {
        #expect(try T.run(["compare", "deepseek"]).status == 2)
        #expect(try T.run(["compare", "deepseek", "deepseek/terms-of-service"]).status == 2)
        #expect(try T.run(["compare", "deepseek/api/retention", "openai"]).status == 2)
        let unknown = try T.run(["compare", "deepseek", "nosuchvendor"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown vendor"))
        #expect(try T.run(["compare", "deepseek", "openai", "--question", "nosuch"]).status == 1)
        let notLoaded = try T.run(["compare", "deepseek/terms-of-service", "deepseek/user-agreement-zh"])
        #expect(notLoaded.status == 1 && notLoaded.stderr.contains("--sources"))
    }

    // MARK: compare documents

    @Test(.enabled(if: T.sampleExists, "needs ../shared/ota/sample beside the package (DeepSeek English terms)"))
    func deepSeekTermsAndChineseAgreementPairFourThree() throws {
        let r = try T.run(["compare", "deepseek/terms-of-service", "deepseek/user-agreement-zh", "--json", "--sources", T.sample])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(r.json as? [String: Any])
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let aligned = pairs.filter { !($0["left"] is NSNull) && !($0["right"] is NSNull) }
        #expect(aligned.count >= 10)
        let four3 = try #require(aligned.first { ($0["left"] as? [String: Any])?["section"] as? String == "4.3" })
        let left = try #require(four3["left"] as? [String: Any]), right = try #require(four3["right"] as? [String: Any])
        #expect(right["section"] as? String == "4.3")
        for side in [left, right] {
            for key in ["section", "text", "start", "end", "quoted_by"] { #expect(side[key] != nil, "clause missing \(key)") }
        }
        #expect((left["quoted_by"] as? [Any])?.isEmpty == false)
        #expect(pairs.contains { $0["left"] is NSNull } || pairs.contains { $0["right"] is NSNull }, "unmatched clauses face a gap")

        let text = try T.run(["compare", "deepseek/terms-of-service", "deepseek/user-agreement-zh", "--width", "120", "--sources", T.sample])
        #expect(text.status == 0)
        #expect(text.stdout.contains("§ 4.3") && text.stdout.contains("★"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { cells(String($0)) <= 120 })
    }

    // MARK: diff

    @Test(.enabled(if: T.sampleExists, "needs ../shared/ota/sample beside the package (DeepSeek privacy policy versions)"))
    func diffJSONShapeWithRealChangesAndEvidence() throws {
        let r = try T.run(["diff", "deepseek/privacy-policy", "--json", "--sources", T.sample])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(r.json as? [String: Any])
        for key in ["document", "old", "new", "changes", "evidence"] { #expect(object[key] != nil, "diff missing \(key)") }
        #expect(object["document"] as? String == "deepseek/privacy-policy")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(!changes.isEmpty)
        for c in changes {
            #expect(["added", "removed", "changed"].contains(c["kind"] as? String ?? ""))
            for key in ["section", "old_text", "new_text"] { #expect(c.keys.contains(key), "change missing \(key)") }
        }
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(!evidence.isEmpty)
        for e in evidence {
            for key in ["vendor", "surface", "question", "quote"] { #expect(e[key] is String, "evidence missing \(key)") }
            #expect(["still", "moved", "changed", "gone"].contains(e["status"] as? String ?? ""))
        }
    }

    @Test(.enabled(if: T.sampleExists, "needs ../shared/ota/sample beside the package (DeepSeek privacy policy versions)"))
    func aVersionAgainstItselfShowsNoChangeAndVersionsAreListed() throws {
        let same = try T.run(["diff", "deepseek/privacy-policy", "2026-02-10", "2026-02-10", "--json", "--sources", T.sample])
        let object = try #require(same.json as? [String: Any])
        #expect((object["changes"] as? [Any])?.isEmpty == true)
        let versions = try T.run(["diff", "deepseek/privacy-policy", "--versions", "--json", "--sources", T.sample])
        let list = try #require((versions.json as? [String: Any])?["versions"] as? [[String: Any]])
        #expect(list.count >= 2)
        #expect(list.first?["status"] as? String == "first")
        #expect(list.dropFirst().allSatisfy { ["real", "noise", "repeated", "identical"].contains($0["status"] as? String ?? "") })
    }

    @Test func diffUsageAndMissingThings() throws {
        #expect(try T.run(["diff"]).status == 2)
        #expect(try T.run(["diff", "deepseek/privacy-policy", "2026-02-10"]).status == 2)
        #expect(try T.run(["diff", "deepseek/privacy-policy", "2026-02-10", "yesterday"]).status == 2)
        #expect(try T.run(["diff", "deepseek/nosuchdoc"]).status == 1)
        let one = try T.run(["diff", "deepseek/user-agreement-zh"])
        #expect(one.status == 1 && one.stderr.contains("only one version"))
    }

    /// A layer whose quote is pinned to an old version, the sentence edited in the new one.
    func driftLayer() throws -> String {
        let root = NSTemporaryDirectory() + "termlens-drift-" + UUID().uuidString
        let files: [String: String] = [
            "vendors/acme/vendor.yaml": "id: acme\nname: Acme AI\nsurfaces:\n  - {id: api, name: Acme API}\n",
            "vendors/acme/documents/terms/document.yaml": "title: Acme Terms\ntype: Terms of Service\nlanguage: en\nsurfaces: [api]\n",
            "vendors/acme/documents/terms/2026-01-01.md": "## 4. Content\n\n4.3 We may use Inputs and Outputs to develop and improve the Services.\n",
            "vendors/acme/documents/terms/2026-06-01.md": "## 4. Content\n\n4.3 We may use Inputs and Outputs to develop, train and improve the Services.\n",
            "vendors/acme/verdicts.yaml": """
            verdicts:
              - surface: api
                question: train-on-inputs
                answer: yes
                summary: Inputs may be used to improve the Services.
                as_of: 2026-01-01
                evidence:
                  - document: terms
                    version: 2026-01-01
                    quote: We may use Inputs and Outputs to develop and improve the Services.
            """,
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }

    @Test func anEditedQuoteIsChangedInCheckAndInDiff() throws {
        let layer = try driftLayer()
        defer { try? FileManager.default.removeItem(atPath: layer) }
        let check = try T.run(["check", "--data", layer])
        #expect(check.status == 0)
        #expect(check.stderr.contains("acme/api/train-on-inputs") && check.stderr.contains("changed"))
        let diff = try T.run(["diff", "acme/terms", "--json", "--data", layer])
        #expect(diff.status == 0, "\(diff.stderr)")
        let object = try #require(diff.json as? [String: Any])
        let evidence = try #require(object["evidence"] as? [[String: Any]])
        #expect(evidence.count == 1)
        #expect(evidence.first?["status"] as? String == "changed")
        #expect(evidence.first?["vendor"] as? String == "acme")
        let changes = try #require(object["changes"] as? [[String: Any]])
        #expect(changes.count == 1 && changes.first?["kind"] as? String == "changed" && changes.first?["section"] as? String == "4.3")
        let text = try T.run(["diff", "acme/terms", "--data", layer])
        #expect(text.stdout.contains("{+train+}") || text.stdout.contains("{+, train+}") || text.stdout.contains("train"))
        #expect(text.stdout.contains("changed  acme/api/train-on-inputs") || text.stdout.contains("changed"))
    }
}
