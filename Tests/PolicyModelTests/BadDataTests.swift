import Foundation
import Testing
@testable import PolicyModel

/// The bad-data catalog: each broken layer gives an error naming the file (and line:column for YAML).
@Suite("Bad data")
struct BadDataTests {
    /// Loads the minimal layer with some files replaced, and returns the error diagnostics.
    func errors(replacing changes: [String: String?], strict: Bool = false) throws -> [Diagnostic] {
        var files = MinimalLayer.files
        for (path, text) in changes { files[path] = text }
        let fixture = try Fixture(files.compactMapValues { $0 })
        defer { fixture.remove() }
        return fixture.catalog().check(strict: strict).errors
    }

    func expectError(_ diagnostics: [Diagnostic], file: String, line: Int? = nil, containing words: String,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let match = diagnostics.first { $0.location.file.hasSuffix(file) && $0.message.contains(words) }
        #expect(match != nil, "expected an error in \(file) containing “\(words)”, got: \(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        if let line, let match {
            #expect(match.location.line == line, "line of: \(match)", sourceLocation: sourceLocation)
            #expect(match.location.column != nil, sourceLocation: sourceLocation)
        }
    }

    @Test func theMinimalLayerIsValid() throws {
        #expect(try errors(replacing: [:]).isEmpty)
    }

    @Test func malformedYAML() throws {
        let e = try errors(replacing: ["vendors/acme/vendor.yaml": "id: acme\nname: [unclosed\n"])
        expectError(e, file: "vendors/acme/vendor.yaml", containing: "YAML")
        #expect(e.first?.location.line != nil)
    }

    @Test func tabIndentation() throws {
        let e = try errors(replacing: ["vendors/acme/vendor.yaml": "id: acme\nname: Acme\nsurfaces:\n\t- {id: api, name: API}\n"])
        expectError(e, file: "vendors/acme/vendor.yaml", line: 4, containing: "tab")
    }

    @Test func wrongTypes() throws {
        let e = try errors(replacing: ["vendors/acme/vendor.yaml": "id: acme\nname: Acme\nsurfaces: consumer\n"])
        expectError(e, file: "vendors/acme/vendor.yaml", line: 3, containing: "must be a list")
    }

    @Test func unknownKeysNameTheKeyAndSuggest() throws {
        let verdicts = MinimalLayer.verdicts.replacingOccurrences(of: "    as_of: 2026-01-01\n    evidence:", with: "    asof: 2026-01-01\n    evidence:")
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": verdicts])
        expectError(e, file: "verdicts.yaml", line: 6, containing: "unknown key `asof`")
        #expect(e.contains { $0.message.contains("did you mean `as_of`") })
    }

    @Test func unknownAnswerValue() throws {
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "answer: yes", with: "answer: maybe")])
        expectError(e, file: "verdicts.yaml", line: 4, containing: "unknown answer `maybe`")
    }

    @Test func unquotedYesIsTheAnswerYesNotABoolean() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        #expect(catalog.vendor("acme")?.verdict(surface: "consumer", question: "train-on-inputs")?.answer == .yes)
    }

    @Test func unknownSurfaceOrQuestion() throws {
        let e1 = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "surface: consumer", with: "surface: enterprise")])
        expectError(e1, file: "verdicts.yaml", line: 2, containing: "unknown surface `enterprise`")
        let e2 = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "question: retention", with: "question: retension")])
        expectError(e2, file: "verdicts.yaml", containing: "unknown question `retension`")
    }

    @Test func duplicateIdsAndVerdicts() throws {
        let dupVerdict = MinimalLayer.verdicts + """

          - surface: consumer
            question: train-on-inputs
            answer: silent
            summary: Again.
            as_of: 2026-01-01
            examined: [terms]
        """
        expectError(try errors(replacing: ["vendors/acme/verdicts.yaml": dupVerdict]), file: "verdicts.yaml", containing: "duplicate verdict for consumer/train-on-inputs")
        let dupSurface = MinimalLayer.vendor + "\n  - {id: api, name: Again}\n"
        expectError(try errors(replacing: ["vendors/acme/vendor.yaml": dupSurface]), file: "vendor.yaml", containing: "duplicate surface id `api`")
        let dupKey = "id: acme\nname: Acme\nname: Acme again\nsurfaces:\n  - {id: api, name: API}\n"
        expectError(try errors(replacing: ["vendors/acme/vendor.yaml": dupKey]), file: "vendor.yaml", containing: "duplicate key")
    }

    @Test func danglingDocumentReferences() throws {
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "document: terms", with: "document: terms-of-use")])
        expectError(e, file: "verdicts.yaml", line: 8, containing: "`acme/terms-of-use`, which does not exist")
        let e2 = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "examined: [terms]", with: "examined: [privacy]")])
        expectError(e2, file: "verdicts.yaml", containing: "`examined` names `privacy`")
    }

    @Test func quoteNotFoundOrAmbiguous() throws {
        let notFound = MinimalLayer.verdicts.replacingOccurrences(of: "quote: We may use Inputs to improve the Services.", with: "quote: We never use Inputs.")
        // A quote that does not anchor is reported at its `quote:` line, with the nearest passage.
        expectError(try errors(replacing: ["vendors/acme/verdicts.yaml": notFound]), file: "verdicts.yaml", line: 9, containing: "quote not found")
        let ambiguous = MinimalLayer.verdicts.replacingOccurrences(of: "quote: We may use Inputs to improve the Services.", with: "quote: Inputs")
        expectError(try errors(replacing: ["vendors/acme/verdicts.yaml": ambiguous]), file: "verdicts.yaml", line: 9, containing: "add `prefix` or `suffix`")
    }

    @Test func silentWithoutExamined() throws {
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "\n    examined: [terms]", with: "")])
        expectError(e, file: "verdicts.yaml", line: 11, containing: "must list the documents `examined`")
    }

    @Test func answersThatNeedEvidence() throws {
        let text = MinimalLayer.verdicts.components(separatedBy: "    evidence:")[0] + "  - surface: api\n    question: train-on-inputs\n    answer: no\n    summary: x\n    as_of: 2026-01-01\n"
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": text])
        expectError(e, file: "verdicts.yaml", containing: "needs evidence")
    }

    @Test func missingRequiredFields() throws {
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "    summary: Inputs are used to improve the Services unless you opt out.\n", with: "")])
        expectError(e, file: "verdicts.yaml", line: 2, containing: "missing required key `summary`")
    }

    @Test func impossibleDates() throws {
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "as_of: 2026-01-01\n    evidence", with: "as_of: 2026-02-30\n    evidence")])
        expectError(e, file: "verdicts.yaml", line: 6, containing: "real date")
    }

    @Test func yamlAliasBombIsRefusedQuickly() throws {
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        let e = try errors(replacing: ["vendors/acme/vendor.yaml": bomb])
        expectError(e, file: "vendor.yaml", containing: "aliases")
    }

    @Test func emptyFiles() throws {
        expectError(try errors(replacing: ["vendors/acme/verdicts.yaml": ""]), file: "verdicts.yaml", containing: "empty")
        expectError(try errors(replacing: ["questions.yaml": "  \n"]), file: "questions.yaml", containing: "empty")
    }

    @Test func missingVendorYAML() throws {
        expectError(try errors(replacing: ["vendors/acme/vendor.yaml": nil]), file: "vendors/acme/", containing: "no vendor.yaml")
    }

    @Test func vendorIDDiffersFromFolder() throws {
        let e = try errors(replacing: ["vendors/acme/vendor.yaml": MinimalLayer.vendor.replacingOccurrences(of: "id: acme", with: "id: acme-ai")])
        expectError(e, file: "vendor.yaml", line: 1, containing: "differs from its folder name `acme`")
    }

    @Test func versionFilesNotNamedByDate() throws {
        let e = try errors(replacing: ["vendors/acme/documents/terms/latest.md": "text"])
        expectError(e, file: "documents/terms/latest.md", containing: "YYYY-MM-DD.md")
        let e2 = try errors(replacing: ["vendors/acme/documents/terms/2026-13-01.md": "text"])
        expectError(e2, file: "2026-13-01.md", containing: "YYYY-MM-DD.md")
    }

    @Test func documentWithNeitherVersionNorBinding() throws {
        let e = try errors(replacing: ["vendors/acme/documents/privacy/document.yaml": MinimalLayer.document])
        expectError(e, file: "documents/privacy/document.yaml", containing: "neither a version file")
    }

    @Test func nonUTF8TextAndNULBytes() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        try fixture.write("vendors/acme/documents/terms/2026-01-01.md", Data([0x41, 0x0A, 0x42, 0xFF, 0xFE, 0x43]))
        let e = fixture.catalog().check(strict: false).errors
        expectError(e, file: "2026-01-01.md", line: 2, containing: "UTF-8")

        try fixture.write("vendors/acme/vendor.yaml", Data("id: acme\nna\u{0}me: x\n".utf8))
        let e2 = fixture.catalog().check(strict: false).errors
        expectError(e2, file: "vendor.yaml", line: 2, containing: "NUL byte")
    }

    @Test func symlinkLoopsAreReportedNotFollowed() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/vendors/acme/documents/loop", withDestinationPath: fixture.root + "/vendors")
        let e = fixture.catalog().check(strict: false).errors
        #expect(e.contains { $0.message.contains("symbolic link loop") })
    }

    @Test func quoteLongerThan500Characters() throws {
        let long = String(repeating: "x", count: 501)
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": MinimalLayer.verdicts.replacingOccurrences(of: "quote: We may use Inputs to improve the Services.", with: "quote: \(long)")])
        expectError(e, file: "verdicts.yaml", containing: "at most 500")
    }

    @Test func allProblemsAreReportedInOneRun() throws {
        let verdicts = MinimalLayer.verdicts
            .replacingOccurrences(of: "answer: yes", with: "answer: maybe")
            .replacingOccurrences(of: "question: retention", with: "question: nope")
        let e = try errors(replacing: ["vendors/acme/verdicts.yaml": verdicts, "vendors/acme/vendor.yaml": MinimalLayer.vendor + "\ncolour: red\n"])
        #expect(e.count >= 3)
    }
}
