import Foundation
import Testing

@Suite("Command line, run as a process", .serialized)
struct CommandLineTests {
    typealias T = TermlensProcess

    @Test func bareTermlensPrintsTheOverviewInAPipe() throws {
        let r = try T.run([])
        #expect(r.status == 0)
        #expect(r.stdout.contains("DeepSeek"))
        #expect(r.stdout.contains("not loaded"))
        #expect(!r.stdout.contains("\u{1B}["), "no escape sequences when stdout is not a terminal")
    }

    /// A quote taken from a table cell prints its `<br>` as line breaks; JSON keeps it verbatim.
    @Test func tableCellQuotesPrintTheirLineBreaks() throws {
        let text = try TermlensProcess.run(["show", "anthropic", "consumer", "ads-profiling"])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("<br>"))
        #expect(text.stdout.contains("Identity and Contact Data\n     *   Communication Information"), "\(text.stdout)")
        let json = try TermlensProcess.run(["show", "anthropic", "consumer", "ads-profiling", "--json"])
        #expect(json.stdout.contains("<br>"))
    }

    @Test func versionAndHelp() throws {
        let v = try T.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.split(separator: ".").count == 3)
        let h = try T.run(["--help"])
        #expect(h.status == 0)
        for command in ["browse", "show", "search", "check", "export"] { #expect(h.stdout.contains(command)) }
    }

    @Test func usageErrorsExit2() throws {
        #expect(try T.run(["show", "--bogus"]).status == 2)
        #expect(try T.run(["frobnicate"]).status == 2)
        #expect(try T.run(["--lang", "fr", "show"]).status == 2)
        #expect(try T.run(["export", "--format", "xml"]).status == 2)
        #expect(try T.run(["export", "--format", "json", "deepseek/terms-of-service@2026-99-01"]).status == 2)
    }

    @Test func unknownThingsExit1WithOneLineOnStderr() throws {
        let r = try T.run(["show", "nosuchvendor"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("unknown vendor"))
        #expect(r.stdout.isEmpty)
        #expect(try T.run(["show", "deepseek", "business"]).status == 1)
        #expect(try T.run(["show", "deepseek", "api", "nosuchquestion"]).status == 1)
        #expect(try T.run(["search", "zzqqxxnotaword"]).status == 1)
    }

    @Test func showJSONShapes() throws {
        let list = try #require(try T.run(["show", "--json"]).json as? [[String: Any]])
        #expect(list.count >= 7)
        #expect(list.allSatisfy { $0["id"] is String && $0["name"] is String && $0["surfaces"] is [Any] })

        let vendor = try #require(try T.run(["show", "deepseek", "--json"]).json as? [String: Any])
        for key in ["id", "name", "surfaces", "documents", "verdicts", "events"] { #expect(vendor[key] != nil, "missing \(key)") }
        let docs = try #require(vendor["documents"] as? [[String: Any]])
        let zh = try #require(docs.first { $0["id"] as? String == "user-agreement-zh" })
        for key in ["id", "title", "type", "language", "surfaces", "url", "role", "versions"] { #expect(zh[key] != nil, "document missing \(key)") }
        let versions = try #require(zh["versions"] as? [[String: Any]])
        #expect(versions.first?["origin"] as? String == "data")
        #expect(versions.first?["date"] as? String == "2025-01-20")

        let surface = try #require(try T.run(["show", "deepseek", "api", "--json"]).json as? [[String: Any]])
        #expect(surface.count == 15)

        let one = try #require(try T.run(["show", "deepseek", "consumer", "train-on-inputs", "--json"]).json as? [String: Any])
        for key in ["vendor", "surface", "question", "answer", "summary", "as_of", "evidence"] { #expect(one[key] != nil, "verdict missing \(key)") }
        #expect(one["answer"] as? String == "yes")
        let evidence = try #require(one["evidence"] as? [[String: Any]])
        for e in evidence {
            for key in ["document", "version", "quote", "section", "start", "end", "status"] { #expect(e.keys.contains(key), "evidence missing \(key)") }
            #expect((e["document"] as? String)?.contains("/") == true)
        }
        // No sources: primary OTA quotes are unverified with null offsets; the seed's quotes anchor.
        let unverified = evidence.filter { $0["status"] as? String == "unverified" }
        #expect(unverified.allSatisfy { $0["start"] is NSNull && $0["section"] is NSNull })
    }

    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func researchNoteFindingsComeOutOfShowJSON() throws {
        func answer(_ v: String, _ s: String, _ q: String) throws -> [String: Any] {
            try #require(try T.run(["show", v, s, q, "--json", "--sources", T.sample]).json as? [String: Any])
        }
        #expect(try answer("deepseek", "consumer", "train-on-inputs")["answer"] as? String == "yes")
        let optOut = try answer("deepseek", "consumer", "training-opt-out")
        #expect(optOut["answer"] as? String == "yes")
        #expect((optOut["advice"] as? String)?.contains("Improve the model for everyone") == true)
        #expect(try answer("deepseek", "api", "train-on-inputs")["answer"] as? String == "silent")
        #expect(try answer("openai", "api", "train-on-inputs")["answer"] as? String == "no")
        #expect(try answer("anthropic", "api", "train-on-inputs")["answer"] as? String == "no")
        let evidence = try #require(try answer("deepseek", "consumer", "train-on-inputs")["evidence"] as? [[String: Any]])
        #expect(evidence.allSatisfy { ["anchored", "still"].contains($0["status"] as? String) })
        #expect(evidence.contains { $0["section"] as? String == "4.3" })
    }

    @Test func globalOptionsWorkBeforeAndAfterTheSubcommand() throws {
        let before = try T.run(["--lang", "zh", "show", "deepseek", "consumer", "train-on-inputs"])
        let after = try T.run(["show", "deepseek", "consumer", "train-on-inputs", "--lang", "zh"])
        #expect(before.status == 0)
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("是"))
    }

    @Test func checkWithoutSourcesCountsUnverifiedAndSaysHowToLoad() throws {
        let r = try T.run(["check"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("unverified"))
        #expect(r.stdout.contains("--sources"))
        #expect(try T.run(["check", "--strict"]).status == 65)
    }

    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func strictCheckWithSourcesPasses() throws {
        let r = try T.run(["check", "--strict", "--sources", T.sample])
        #expect(r.status == 0, "\(r.stderr.prefix(2000))")
        #expect(r.stdout.contains("0 unverified, 0 broken"))
        let viaEnv = try T.run(["check", "--strict"], env: ["TERMLENS_SOURCES": "/nonexistent:" + T.sample])
        #expect(viaEnv.status == 65, "a missing sources folder is reported")
        #expect(viaEnv.stderr.contains("/nonexistent"))
    }

    @Test func badDataLayerExits65NamingTheFile() throws {
        let dir = NSTemporaryDirectory() + "termlens-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/vendors/acme", withIntermediateDirectories: true)
        try "id: acme\nname: Acme\nsurfaces:\n  - {id: api, name: API}\ncolour: red\n".write(toFile: dir + "/vendors/acme/vendor.yaml", atomically: true, encoding: .utf8)
        for args in [["--data", dir, "check"], ["check", "--data", dir], ["show", "--data", dir]] {
            let r = try T.run(args)
            #expect(r.status == 65, "\(args)")
            #expect(r.stderr.contains("vendors/acme/vendor.yaml:5:1"), "\(r.stderr)")
        }
        let viaEnv = try T.run(["check"], env: ["TERMLENS_DATA": dir])
        #expect(viaEnv.status == 65)
    }

    @Test func aNewVendorLayerWithAChineseDocumentLoadsAndSearchesWithNoCodeChange() throws {
        let dir = NSTemporaryDirectory() + "termlens-layer-" + UUID().uuidString
        let sources = NSTemporaryDirectory() + "termlens-ota-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir); try? FileManager.default.removeItem(atPath: sources) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/vendors/kimi/documents/user-agreement", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: sources + "/Kimi/Terms of Service", withIntermediateDirectories: true)
        try "# 用户协议\n\n第五条 数据\n\n我们不会将您的输入用于模型训练，除非您另行同意。\n".write(toFile: sources + "/Kimi/Terms of Service/2026-05-01T10-00-00Z.md", atomically: true, encoding: .utf8)
        try "id: kimi\nname: Kimi\ncountry: CN\nsurfaces:\n  - {id: consumer, name: Kimi 智能助手}\n".write(toFile: dir + "/vendors/kimi/vendor.yaml", atomically: true, encoding: .utf8)
        try "title: {en: Kimi User Agreement, zh: Kimi 用户协议}\ntype: Terms of Service\nlanguage: zh\nsurfaces: [consumer]\nota: {service: Kimi, type: Terms of Service}\n".write(toFile: dir + "/vendors/kimi/documents/user-agreement/document.yaml", atomically: true, encoding: .utf8)
        try """
        verdicts:
          - surface: consumer
            question: train-on-inputs
            answer: conditional
            summary: {en: Only with consent., zh: 仅在用户同意时。}
            as_of: 2026-05-01
            evidence:
              - {document: user-agreement, version: 2026-05-01, quote: 我们不会将您的输入用于模型训练，除非您另行同意。}
        """.write(toFile: dir + "/vendors/kimi/verdicts.yaml", atomically: true, encoding: .utf8)
        let check = try T.run(["check", "--data", dir, "--sources", sources])
        #expect(check.status == 0, "\(check.stderr)")
        let verdict = try #require(try T.run(["show", "kimi", "consumer", "train-on-inputs", "--json", "--data", dir, "--sources", sources]).json as? [String: Any])
        let evidence = try #require((verdict["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["status"] as? String == "anchored")
        #expect(evidence["section"] as? String == "第五条")
        let search = try T.run(["search", "模型训练", "--vendor", "kimi", "--json", "--data", dir, "--sources", sources])
        #expect(search.status == 0)
        let hits = try #require(search.json as? [[String: Any]])
        // The quoted passage matched in the document too: one hit that says both.
        #expect(hits.contains { $0["kind"] as? String == "quote" && $0["section"] as? String == "第五条"
            && $0["kinds"] as? [String] == ["quote", "document"] })
    }

    @Test(.enabled(if: TermlensProcess.sampleExists, "needs ../shared/ota/sample"))
    func searchHitsHaveOffsetsThatHoldAndFoldCaseAndWidth() throws {
        let r = try T.run(["search", "训练", "--vendor", "deepseek", "--scope", "documents", "--json", "--sources", T.sample])
        #expect(r.status == 0)
        let hits = try #require(r.json as? [[String: Any]])
        #expect(!hits.isEmpty)
        let show = try #require(try T.run(["show", "deepseek", "--json", "--sources", T.sample]).json as? [String: Any])
        let docs = try #require(show["documents"] as? [[String: Any]])
        for hit in hits {
            let ref = try #require(hit["document"] as? String)
            let doc = try #require(docs.first { $0["document"] as? String == ref })
            let versions = try #require(doc["versions"] as? [[String: Any]])
            let path = try #require(versions.first { $0["date"] as? String == hit["version"] as? String }?["path"] as? String)
            let text: String
            if FileManager.default.fileExists(atPath: path) { text = try String(contentsOfFile: path, encoding: .utf8) } else { continue }
            let scalars = Array(text.unicodeScalars)
            let start = try #require(hit["start"] as? Int), end = try #require(hit["end"] as? Int)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "训练")
        }
        let upper = try T.run(["search", "IMPROVE THE MODEL", "--vendor", "deepseek", "--json", "--sources", T.sample])
        let lower = try T.run(["search", "improve the model", "--vendor", "deepseek", "--json", "--sources", T.sample])
        let fullwidth = try T.run(["search", "ｉｍｐｒｏｖｅ ｔｈｅ ｍｏｄｅｌ", "--vendor", "deepseek", "--json", "--sources", T.sample])
        #expect(upper.status == 0)
        #expect(upper.stdout == lower.stdout)
        #expect(fullwidth.stdout == lower.stdout)
    }

    @Test func exportFormats() throws {
        let json = try #require(try T.run(["export", "--format", "json"]).json as? [String: Any])
        #expect((json["questions"] as? [Any])?.count == 15)
        #expect(((json["vendors"] as? [Any])?.count ?? 0) >= 7)
        let csv = try T.run(["export", "--format", "csv", "deepseek/api"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("vendor,surface,question,answer"))
        #expect(csv.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("deepseek,api,") || !$0.hasPrefix("deepseek,consumer") })
        let md = try T.run(["export", "--format", "markdown", "--coverage"])
        #expect(md.stdout.contains("| DeepSeek | consumer |"))
        let clause = try T.run(["export", "--format", "markdown", "deepseek/user-agreement-zh:4.3"])
        #expect(clause.status == 0)
        #expect(clause.stdout.hasPrefix("4.3"))
        #expect(clause.stdout.contains("第9条"))
        #expect(!clause.stdout.contains("4.4"))
    }

    @Test func closedPipeEndsQuietly() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "'\(TermlensProcess.binary)' export --format markdown | head -1 >/dev/null; echo ${PIPESTATUS:-done}"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(!stderr.contains("Broken pipe"))
        #expect(!stderr.contains("Fatal"))
    }

    @Test func installedCopyRunsFromAnywhereWithItsBundledData() throws {
        let dir = NSTemporaryDirectory() + "termlens-install-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let copy = dir + "/termlens"
        try FileManager.default.copyItem(atPath: TermlensProcess.binary, toPath: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: copy)
        process.arguments = ["show", "deepseek", "api", "train-on-inputs", "--json"]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let verdict = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(verdict["answer"] as? String == "silent")
    }
}

@Suite("README stays true")
struct ReadmeTests {
    @Test func coverageTableMatchesTheCommand() throws {
        let readme = try String(contentsOf: TermlensProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- coverage:start -->"))
        let end = try #require(readme.range(of: "<!-- coverage:end -->"))
        let block = readme[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = try TermlensProcess.run(["export", "--format", "markdown", "--coverage"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(block == generated, "README's coverage table is stale: run Scripts/update-readme.sh")
    }

    @Test func keyTableMatchesTheKeymap() throws {
        let readme = try String(contentsOf: TermlensProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- keys:start -->"))
        let end = try #require(readme.range(of: "<!-- keys:end -->"))
        let block = readme[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        let generated = try TermlensProcess.run(["keys"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!generated.isEmpty)
        #expect(block == generated, "README's key table is stale: run Scripts/update-readme.sh")
    }

    @Test func firstScreenGivesTheTwoCommands() throws {
        let readme = try String(contentsOf: TermlensProcess.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let firstScreen = readme.split(separator: "\n", omittingEmptySubsequences: false).prefix(24).joined(separator: "\n")
        #expect(firstScreen.contains("swift run termlens"))
        #expect(firstScreen.contains("swift test"))
    }
}

@Suite("Global options")
struct GlobalOptionTests {
    /// The names `main` moves global options after must be the commands that exist.
    @Test func everyCommandTakesGlobalOptionsBeforeItsName() throws {
        let help = try TermlensProcess.run(["--help"]).stdout
        for name in ["browse", "show", "search", "compare", "diff", "check", "export", "bench", "keys"] {
            #expect(help.contains(name), "\(name) is listed")
            let r = try TermlensProcess.run(["--lang", "en", name, "--help"])
            #expect(r.status == 0, "termlens --lang en \(name) --help")
        }
    }
}

@Suite("Search index cache", .serialized)
struct SearchCacheTests {
    @Test func cachedAndFreshResultsAreTheSameAndAChangedSourceIsSeen() throws {
        let cache = NSTemporaryDirectory() + "termlens-cache-" + UUID().uuidString
        let sources = NSTemporaryDirectory() + "termlens-cache-src-" + UUID().uuidString
        let layer = NSTemporaryDirectory() + "termlens-cache-data-" + UUID().uuidString
        defer { for d in [cache, sources, layer] { try? FileManager.default.removeItem(atPath: d) } }
        let fm = FileManager.default
        try fm.createDirectory(atPath: sources + "/Acme/Terms of Service", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: layer + "/vendors/acme/documents/terms", withIntermediateDirectories: true)
        try "id: acme\nname: Acme\nsurfaces:\n  - {id: api, name: API}\n".write(toFile: layer + "/vendors/acme/vendor.yaml", atomically: true, encoding: .utf8)
        try "title: Acme Terms\ntype: Terms of Service\nlanguage: en\nota: {service: Acme, type: Terms of Service}\n".write(toFile: layer + "/vendors/acme/documents/terms/document.yaml", atomically: true, encoding: .utf8)
        let file = sources + "/Acme/Terms of Service/2026-01-01T00-00-00Z.md"
        try "## 1. Data\n\nWe never sell zebra data.\n".write(toFile: file, atomically: true, encoding: .utf8)
        let args = ["search", "zebra", "--json", "--data", layer, "--sources", sources]
        let fresh = try TermlensProcess.run(args, env: ["TERMLENS_CACHE": "off"])
        let first = try TermlensProcess.run(args, env: ["TERMLENS_CACHE": cache])
        let second = try TermlensProcess.run(args, env: ["TERMLENS_CACHE": cache])
        #expect(fresh.status == 0)
        #expect(first.stdout == fresh.stdout)
        #expect(second.stdout == fresh.stdout, "read back from the cache")
        #expect(try fm.contentsOfDirectory(atPath: cache).contains { $0.hasPrefix("index-") })
        // Change the source: the next run must see the new text, not the cached one.
        try "## 1. Data\n\nWe never sell giraffe data.\n".write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try TermlensProcess.run(args, env: ["TERMLENS_CACHE": cache])
        #expect(changed.status == 1, "zebra is gone from the changed text")
        let giraffe = try TermlensProcess.run(["search", "giraffe", "--data", layer, "--sources", sources], env: ["TERMLENS_CACHE": cache])
        #expect(giraffe.status == 0)
        // One byte changed in the text the index keeps (its tables still consistent): the run
        // that starts on this file, named by the last key, must notice and not show "xiraffe".
        var flipped = 0
        for name in try fm.contentsOfDirectory(atPath: cache) where name.hasPrefix("index-") {
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: cache + "/" + name)))
            let needle = Array("giraffe data".utf8)
            guard let at = (0...(bytes.count - needle.count)).first(where: { Array(bytes[$0..<($0 + needle.count)]) == needle }) else { continue }
            bytes[at] = UInt8(ascii: "x")
            try Data(bytes).write(to: URL(fileURLWithPath: cache + "/" + name))
            flipped += 1
        }
        #expect(flipped == 1)
        let afterFlip = try TermlensProcess.run(["search", "giraffe", "--data", layer, "--sources", sources], env: ["TERMLENS_CACHE": cache])
        #expect(afterFlip.stdout == giraffe.stdout)
        #expect(!afterFlip.stdout.contains("xiraffe"))
        // A corrupt cache file is ignored.
        for name in try fm.contentsOfDirectory(atPath: cache) {
            try Data("garbage".utf8).write(to: URL(fileURLWithPath: cache + "/" + name))
        }
        let afterCorruption = try TermlensProcess.run(["search", "giraffe", "--data", layer, "--sources", sources], env: ["TERMLENS_CACHE": cache])
        #expect(afterCorruption.status == 0)
        #expect(afterCorruption.stdout == giraffe.stdout)
    }
}

@Suite("search's own argument reading")
struct FastSearchArgumentTests {
    /// The shortcut past ArgumentParser must mean exactly what the full parse means.
    @Test func theShortcutAndTheFullParseGiveTheSameOutput() throws {
        let cases: [[String]] = [
            ["search", "improve", "the", "model"],
            ["search", "\"opt out\"", "--scope", "quotes", "--json"],
            ["search", "--json", "训练", "--vendor", "deepseek", "--limit", "3"],
            ["search", "retention", "--scope=all", "--surface", "api", "--question", "retention", "--lang", "zh"],
            ["search", "delete", "--vendor", "nosuchvendor"],
            ["search", "x", "--scope", "nope"],
            ["search", "x", "--limit", "0"],
            ["search", "--bogus", "x"],
            ["search"],
        ]
        for args in cases {
            let fast = try TermlensProcess.run(args)
            let full = try TermlensProcess.run(args, env: ["TERMLENS_FULL_PARSE": "1"])
            #expect(fast.status == full.status, "\(args)")
            #expect(fast.stdout == full.stdout, "\(args)")
            #expect(fast.stderr == full.stderr, "\(args)")
        }
    }
}
