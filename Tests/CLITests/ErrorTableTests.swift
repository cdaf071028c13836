import Foundation
import Testing
import PolicyModel

/// Docs/errors.md: every bad-input case, the command, its exit code and the first line it
/// prints on stderr. Each row is run here and the table is compared with the document;
/// `TERMLENS_UPDATE_DOCS=1 swift test --filter ErrorTable` rewrites it.
@Suite("Error table")
struct ErrorTableTests {
    typealias T = TermlensProcess

    struct Case {
        var name: String
        /// Arguments after `termlens`; `DIR` is the case's data layer.
        var args: [String]
        /// Files of the data layer (the minimal valid layer with these changes), if the case has one.
        var layer: [String: Data?]? = nil
        var env: [String: String] = [:]
        /// How the command runs when not simply as a process: in a terminal, or into a closed pipe.
        var via: Via = .process
        enum Via { case process, terminal, closedPipe }
    }

    static func text(_ s: String) -> Data? { Data(s.utf8) }
    static func verdicts(_ from: String, _ to: String) -> [String: Data?] {
        ["vendors/acme/verdicts.yaml": text(MinimalLayer.verdicts.replacingOccurrences(of: from, with: to))]
    }
    static func vendor(_ yaml: String) -> [String: Data?] { ["vendors/acme/vendor.yaml": text(yaml)] }

    static let aliasBomb: String = {
        var bomb = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return bomb
    }()

    static let check = ["check", "--data", "DIR"]
    static let cases: [Case] = [
        // Bad data: `check` lists every problem, other commands refuse to start; exit 65.
        Case(name: "malformed YAML", args: check, layer: vendor("id: acme\nname: [unclosed\n")),
        Case(name: "tab indentation", args: check, layer: vendor("id: acme\nname: Acme\nsurfaces:\n\t- {id: api, name: API}\n")),
        Case(name: "wrong type", args: check, layer: vendor("id: acme\nname: Acme\nsurfaces: consumer\n")),
        Case(name: "unknown key (a typo)", args: check, layer: verdicts("as_of: 2026-01-01\n    evidence:", "asof: 2026-01-01\n    evidence:")),
        Case(name: "unknown value", args: check, layer: verdicts("answer: yes", "answer: maybe")),
        Case(name: "missing required key", args: check, layer: verdicts("    summary: Inputs are used to improve the Services unless you opt out.\n", "")),
        Case(name: "impossible date", args: check, layer: verdicts("as_of: 2026-01-01\n    evidence", "as_of: 2026-02-30\n    evidence")),
        Case(name: "duplicate key", args: check, layer: vendor("id: acme\nname: Acme\nname: Acme again\nsurfaces:\n  - {id: api, name: API}\n")),
        Case(name: "duplicate id", args: check, layer: vendor(MinimalLayer.vendor + "\n  - {id: api, name: Again}\n")),
        Case(name: "dangling reference: surface", args: check, layer: verdicts("surface: consumer", "surface: enterprise")),
        Case(name: "dangling reference: document", args: check, layer: verdicts("document: terms", "document: terms-of-use")),
        Case(name: "quote not found", args: check, layer: verdicts("quote: We may use Inputs to improve the Services.", "quote: We never use Inputs.")),
        Case(name: "ambiguous quote", args: check, layer: verdicts("quote: We may use Inputs to improve the Services.", "quote: Inputs")),
        Case(name: "quote too long", args: check, layer: verdicts("quote: We may use Inputs to improve the Services.", "quote: " + String(repeating: "x", count: 501))),
        Case(name: "silent without `examined`", args: check, layer: verdicts("\n    examined: [terms]", "")),
        Case(name: "vendor id differs from folder", args: check, layer: vendor(MinimalLayer.vendor.replacingOccurrences(of: "id: acme", with: "id: acme-ai"))),
        Case(name: "missing vendor.yaml", args: check, layer: ["vendors/acme/vendor.yaml": Data?.none]),
        Case(name: "version file not named by date", args: check, layer: ["vendors/acme/documents/terms/latest.md": text("text")]),
        Case(name: "empty file", args: check, layer: ["vendors/acme/verdicts.yaml": text("\n")]),
        Case(name: "non-UTF-8 text", args: check, layer: ["vendors/acme/documents/terms/2026-01-01.md": Data([0x41, 0x0A, 0x42, 0xFF, 0xFE, 0x43])]),
        Case(name: "NUL byte", args: check, layer: vendor("id: acme\nna\u{0}me: x\n")),
        Case(name: "YAML alias bomb", args: check, layer: vendor(aliasBomb)),
        Case(name: "symbolic link loop", args: check, layer: ["vendors/acme/documents/loop": text("@link ..")]),
        Case(name: "quote with a straight quote mark", args: check, layer: verdicts("quote: We may use Inputs to improve the Services.", "quote: \"You can opt out by turning off 'Improve the model'.\"")),
        Case(name: "answer typo", args: check, layer: verdicts("answer: yes", "answer: yess")),
        Case(name: "question id typo", args: check, layer: verdicts("question: train-on-inputs", "question: train-on-input")),
        Case(name: "`unknown` without `missing`", args: check, layer: verdicts("answer: silent", "answer: unknown")),
        Case(name: "`as_of` after today", args: check, layer: verdicts("as_of: 2026-01-01\n    evidence", "as_of: 2099-01-01\n    evidence")),
        Case(name: "`as_of` before its evidence", args: check, layer: verdicts("as_of: 2026-01-01\n    evidence", "as_of: 2025-12-01\n    evidence")),
        Case(name: "pinned version that does not exist", args: check, layer: verdicts("quote: We may", "version: 2026-01-02\n        quote: We may")),
        Case(name: "event source that does not resolve", args: check, layer: vendor(MinimalLayer.vendor + "\nevents:\n  - {date: 2026-01-01, title: Terms published, source: acme/terms@2026-01-09}\n")),
        Case(name: "misnamed source file", args: ["check", "--data", "DIR", "--sources", "DIR/ota"], layer: ["ota/Acme/Terms of Service/2026-01-01.md": text("text")]),
        Case(name: "bad data, another command", args: ["show", "--data", "DIR"], layer: verdicts("answer: yes", "answer: maybe")),
        Case(name: "broken quote, another command", args: ["show", "acme", "consumer", "train-on-inputs", "--data", "DIR"], layer: verdicts("quote: We may use Inputs to improve the Services.", "quote: We never use Inputs.")),
        Case(name: "new vendor over an existing one", args: ["new", "vendor", "acme", "--name", "Acme", "--service", "Acme", "--data", "DIR", "--sources", "DIR/ota"], layer: ["ota/Acme/Terms of Service/2026-01-01T00-00-00Z.md": text("text")]),
        Case(name: "--data folder missing", args: ["check", "--data", "DIR/missing"], layer: [:]),
        Case(name: "--sources folder missing", args: ["check", "--sources", "DIR/missing"], layer: [:]),
        Case(name: "--sources a broken git repository", args: ["check", "--sources", "DIR/clone"], layer: ["clone/.git": text("gitdir: /nonexistent\n")],
             env: ["TERMLENS_CACHE": "off"]),
        // Usage: exit 2.
        Case(name: "unknown option", args: ["show", "--bogus"]),
        Case(name: "unknown command", args: ["frobnicate"]),
        Case(name: "changes since no date", args: ["changes", "--since", "last-week"]),
        Case(name: "missing argument", args: ["search"]),
        Case(name: "bad option value", args: ["--lang", "fr", "show"]),
        Case(name: "bad option value", args: ["export", "--format", "xml"]),
        Case(name: "bad option value", args: ["search", "x", "--scope", "everything"]),
        Case(name: "bad TARGET", args: ["browse", "deepseek/a/b/c"]),
        Case(name: "bad TARGET (impossible date)", args: ["export", "--format", "json", "deepseek/terms-of-service@2026-99-01"]),
        Case(name: "too few to compare", args: ["compare", "deepseek"]),
        Case(name: "unknown TERM", args: ["browse"], env: ["TERM": "no-such-terminal"], via: .terminal),
        // No result: exit 1.
        Case(name: "unknown vendor", args: ["show", "nosuchvendor"]),
        Case(name: "unknown vendor (a typo)", args: ["check", "--only", "deepsek"]),
        Case(name: "unknown Open Terms Archive service", args: ["new", "vendor", "acme", "--name", "Acme", "--service", "Acmee", "--into", "DIR/new", "--sources", "DIR/ota"], layer: ["ota/Acme/Terms of Service/2026-01-01T00-00-00Z.md": text("text")]),
        Case(name: "unknown surface", args: ["show", "deepseek", "business"]),
        Case(name: "unknown question", args: ["show", "deepseek", "api", "nosuchquestion"]),
        Case(name: "unknown document", args: ["diff", "deepseek/nosuchdoc"]),
        Case(name: "unknown document (an abbreviation)", args: ["diff", "deepseek/tos"]),
        Case(name: "unknown surface or document in a TARGET", args: ["browse", "deepseek/apii"]),
        Case(name: "unknown vendor in a TARGET (a typo)", args: ["compare", "deepseek", "opnai"]),
        Case(name: "unknown question (a start)", args: ["show", "--question", "trainin"]),
        Case(name: "unknown question in a TARGET (a start)", args: ["export", "--format", "markdown", "deepseek/consumer/train"]),
        Case(name: "no search hit", args: ["search", "zzqqxxnotaword"]),
        // Output that goes away.
        Case(name: "closed pipe", args: ["export", "--format", "markdown"], via: .closedPipe),
    ]

    /// Runs one case: its exit code and first stderr line, with the layer's path shown as DIR.
    static func run(_ c: Case) throws -> (status: Int32, line: String) {
        var dir = ""
        if let changes = c.layer {
            var files = MinimalLayer.files.mapValues { Data($0.utf8) } as [String: Data?]
            files.updateValue(nil, forKey: "questions.yaml")  // the bundled questions serve
            for (path, data) in changes { files.updateValue(data, forKey: path) }
            let fixture = try Fixture()
            dir = fixture.root
            for case let (path, data?) in files {
                if let target = String(data: data, encoding: .utf8), target.hasPrefix("@link ") {
                    try FileManager.default.createDirectory(atPath: (dir + "/" + path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try FileManager.default.createSymbolicLink(atPath: dir + "/" + path, withDestinationPath: String(target.dropFirst(6)))
                } else {
                    try fixture.write(path, data)
                }
            }
        }
        defer { if !dir.isEmpty { try? FileManager.default.removeItem(atPath: dir) } }
        let args = c.args.map { $0.replacingOccurrences(of: "DIR", with: dir) }
        let status: Int32
        let stderr: String
        switch c.via {
        case .process:
            let r = try T.run(args, env: c.env)
            (status, stderr) = (r.status, r.stderr)
        case .terminal, .closedPipe:
            let quoted = ([T.binary] + args).map { "'\($0)'" }.joined(separator: " ")
            let script = c.via == .terminal
                ? "script -qec \"\(quoted)\" /dev/null < /dev/null 2>&1"
                : "\(quoted) | head -1 > /dev/null; exit ${PIPESTATUS[0]}"
            let r = try shell(script, env: c.env)
            (status, stderr) = (r.status, c.via == .terminal ? r.stdout : r.stderr)
        }
        let first = stderr.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty } ?? ""
        return (status, dir.isEmpty ? first : first.replacingOccurrences(of: dir, with: "DIR"))
    }

    /// Runs a bash command line with the test environment `TermlensProcess` gives the binary.
    static func shell(_ script: String, env: [String: String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        var environment = ProcessInfo.processInfo.environment
        environment["TERMLENS_DATA"] = nil
        environment["TERMLENS_SOURCES"] = nil
        environment["LANG"] = "C.UTF-8"
        environment.merge(env) { _, new in new }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func row(_ c: Case, _ result: (status: Int32, line: String)) -> String {
        let env = c.env.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value) " }.joined()
        let pipe = c.via == .closedPipe ? " | head -1" : ""
        var command = code("\(env)termlens \(c.args.joined(separator: " "))\(pipe)")
        if c.via == .terminal { command += " in a terminal" }
        let line = result.line.isEmpty ? "(nothing)" : code(result.line)
        return "| \(c.name) | \(command) | \(result.status) | \(line) |"
    }

    /// A Markdown code span that may hold backticks, in a table cell.
    static func code(_ text: String) -> String {
        "`` " + text.replacingOccurrences(of: "|", with: "\\|") + " ``"
    }

    @Test func everyRowOfDocsErrorsIsWhatTermlensPrints() throws {
        var rows = ["| case | command | exit | first line on stderr |", "|---|---|---|---|"]
        for c in Self.cases {
            // Messages that name today's date show it as YYYY-MM-DD, so the page holds on any day.
            let dayBefore = SimpleDate.today().description
            var result = try Self.run(c)
            for date in [dayBefore, SimpleDate.today().description] {
                result.line = result.line.replacingOccurrences(of: "(\(date))", with: "(YYYY-MM-DD)")
            }
            rows.append(Self.row(c, result))
        }
        let table = rows.joined(separator: "\n")
        let url = T.packageRoot.appendingPathComponent("Docs/errors.md")
        let doc = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(doc.range(of: "<!-- errors:start -->\n"))
        let end = try #require(doc.range(of: "<!-- errors:end -->"))
        let current = String(doc[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        if ProcessInfo.processInfo.environment["TERMLENS_UPDATE_DOCS"] == "1" {
            try (String(doc[..<start.upperBound]) + table + "\n" + String(doc[end.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let want = current.split(separator: "\n").map(String.init)
        for (i, line) in rows.enumerated() {
            #expect(i < want.count && want[i] == line, "Docs/errors.md is stale (TERMLENS_UPDATE_DOCS=1 swift test --filter ErrorTable rewrites it):\nprinted: \(line)\ndocument: \(i < want.count ? want[i] : "(no row)")")
        }
        #expect(want.count == rows.count)
    }

    /// Every message names what is wrong and what would fix it, or where (file:line:column).
    @Test func badDataRowsNameTheFileAndExit65() throws {
        // Every bad-data row of `check`, except the one that is a warning by design.
        for c in Self.cases where c.layer != nil && c.args.contains("check") && c.name != "misnamed source file" {
            let (status, line) = try Self.run(c)
            #expect(status == 65, "\(c.name)")
            #expect(line.hasPrefix("DIR/"), "\(c.name): \(line)")
        }
    }
}
