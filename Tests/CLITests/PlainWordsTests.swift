import Foundation
import Testing

/// What the command line says, in the words a person reads: counts that agree with their noun,
/// the interface language all through, help text as paragraphs, and `browse TARGET` in a pipe.
@Suite("Plain words")
struct PlainWordsTests {
    typealias T = TermlensProcess

    @Test func oneOfAThingIsSingular() throws {
        let dir = NSTemporaryDirectory() + "termlens-one-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/vendors/solo/documents/terms", withIntermediateDirectories: true)
        try "id: solo\nname: Solo\nsurfaces:\n  - {id: consumer, name: Solo Chat}\n".write(toFile: dir + "/vendors/solo/vendor.yaml", atomically: true, encoding: .utf8)
        try "title: Solo Terms\ntype: Terms of Service\nlanguage: en\nsurfaces: [consumer]\n".write(toFile: dir + "/vendors/solo/documents/terms/document.yaml", atomically: true, encoding: .utf8)
        try "# Terms\n\n1. We never train on your inputs.\n".write(toFile: dir + "/vendors/solo/documents/terms/2026-01-01.md", atomically: true, encoding: .utf8)
        try """
        verdicts:
          - surface: consumer
            question: train-on-inputs
            answer: no
            summary: Never.
            as_of: 2026-01-01
            evidence:
              - {document: terms, quote: We never train on your inputs.}
        """.write(toFile: dir + "/vendors/solo/verdicts.yaml", atomically: true, encoding: .utf8)
        let check = try T.run(["check", "--data", dir, "--only", "solo"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("solo: 1 verdict, 1 quote: 1 anchored"), "\(check.stdout)")
        let show = try T.run(["show", "solo", "--data", dir])
        #expect(show.stdout.contains("(1 version, newest 2026-01-01)"), "\(show.stdout)")
    }

    @Test func chineseShowIsChineseAllThrough() throws {
        let list = try T.run(["--lang", "zh", "show"])
        let header = try #require(list.stdout.split(separator: "\n").first.map(String.init))
        #expect(header.contains("✓ 是") && header.contains("✗ 否") && header.contains("– 不适用"), "\(header)")
        #expect(!header.contains("yes") && !header.contains("unknown"))
        let verdict = try T.run(["--lang", "zh", "show", "deepseek", "api", "train-on-inputs"])
        #expect(verdict.stdout.contains("截至 "))
        #expect(verdict.stdout.contains("已审阅文档："))
        #expect(!verdict.stdout.contains("as of") && !verdict.stdout.contains("Documents examined"))
        // How each quote stands, and the lines about loading texts, in Chinese too.
        #expect(verdict.stdout.contains("未核验：") && !verdict.stdout.contains("unverified"), "\(verdict.stdout)")
        #expect(verdict.stdout.contains("全文未加载；引文按记录显示") && !verdict.stdout.contains("Full texts are not loaded"))
        let across = try T.run(["--lang", "zh", "show", "--question", "train-on-inputs"])
        #expect(across.stdout.contains("个结论。termlens show VENDOR SURFACE train-on-inputs") && !across.stdout.contains("verdicts."), "\(across.stdout)")
    }

    @Test func showCountsEveryAnswerOfAVendor() throws {
        let list = try T.run(["show"])
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("– n/a") == true, "\(lines.first ?? "")")
        let json = try #require(try T.run(["show", "--json"]).json as? [[String: Any]])
        for vendor in json {
            let id = try #require(vendor["id"] as? String)
            let row = try #require(lines.first { $0.hasPrefix(id + " ") })
            let total = row.split(separator: " ").suffix(6).compactMap { Int($0) }.reduce(0, +)
            let verdicts = try T.run(["show", id, "--json"]).json as? [String: Any]
            #expect(total == (verdicts?["verdicts"] as? [Any])?.count, "\(row)")
        }
    }

    @Test func helpTextIsParagraphsWithoutStrayBreaks() throws {
        let help = try T.run(["--help"]).stdout
        #expect(!help.contains("texts from\n"), "\(help)")
        #expect(help.contains("\n\nExit codes: 0 ok, 1 no result, 2 usage, 65 bad data.\n"))
    }

    /// Not on a terminal, `browse TARGET` prints what it would have opened.
    @Test func browseInAPipePrintsItsTarget() throws {
        let vendor = try T.run(["browse", "deepseek"])
        #expect(vendor.status == 0)
        #expect(vendor.stdout.hasPrefix("DeepSeek — Hangzhou DeepSeek Artificial Intelligence Co., Ltd. (CN)\n"), "\(vendor.stdout.prefix(200))")
        #expect(vendor.stdout == (try T.run(["show", "deepseek"])).stdout)
        #expect(try T.run(["browse", "deepseek/api"]).stdout == (try T.run(["show", "deepseek", "api"])).stdout)
        #expect(try T.run(["browse", "deepseek/api/train-on-inputs"]).stdout == (try T.run(["show", "deepseek", "api", "train-on-inputs"])).stdout)
        let clause = try T.run(["browse", "deepseek/user-agreement-zh:4.3"])
        #expect(clause.stdout.hasPrefix("4.3 为了履行法律法规所规定的要求"), "\(clause.stdout.prefix(200))")
        let overview = try T.run(["browse"])
        #expect(overview.stdout.hasPrefix("termlens — what AI vendors' terms say about your data"))
    }
}
