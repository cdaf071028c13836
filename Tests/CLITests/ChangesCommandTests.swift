import Foundation
import Testing

/// `termlens changes`, run as a process against a vendor whose retention clause changed.
@Suite("changes, run as a process", .serialized)
struct ChangesCommandTests {
    typealias T = TermlensProcess

    static let base = "# Acme Terms\n\n4.3 We may use Inputs to improve the Services.\n\n4.4 We keep Inputs for 30 days.\n"

    static func files() throws -> (layer: Fixture, sources: Fixture, state: String) {
        let layer = try Fixture([
            "vendors/acme/vendor.yaml": MinimalLayer.vendor,
            "vendors/acme/documents/terms/document.yaml": MinimalLayer.document + "\nota:\n  service: Acme\n  type: Terms of Service\n",
            "vendors/acme/verdicts.yaml": """
            verdicts:
              - surface: consumer
                question: retention
                answer: yes
                summary: Thirty days.
                as_of: 2026-01-10
                evidence:
                  - document: terms
                    version: 2026-01-10
                    quote: We keep Inputs for 30 days.
            """,
        ])
        let sources = try Fixture([
            "Acme/Terms of Service/2026-01-10T08-00-00Z.md": base,
            "Acme/Terms of Service/2026-02-01T09-00-00Z.md": base.replacingOccurrences(of: "4.3 We may", with: "4.3  We  may"),
            "Acme/Terms of Service/2026-03-01T10-15-00Z.md": base.replacingOccurrences(of: "30 days", with: "90 days"),
        ])
        return (layer, sources, NSTemporaryDirectory() + "termlens-state-" + UUID().uuidString)
    }

    func run(_ args: [String], _ f: (layer: Fixture, sources: Fixture, state: String)) throws -> TermlensProcess.Output {
        try T.run(["changes"] + args + ["--data", f.layer.root, "--sources", f.sources.root], env: ["XDG_STATE_HOME": f.state, "TERMLENS_CACHE": "off"])
    }

    @Test func realChangesNewestFirstNamingSectionsAndVerdicts() throws {
        let f = try Self.files()
        defer { f.layer.remove(); f.sources.remove(); try? FileManager.default.removeItem(atPath: f.state) }
        let r = try run(["--since", "2026-01-01"], f)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == """
            2 real changes recorded since 2026-01-01, newest first  (--all adds noise)

            2026-03-01 10:15  acme/terms  Acme Terms
                § 4.4  (1 changed, 0 added, 0 removed)
                quote of acme/consumer/retention: changed
                termlens diff acme/terms 2026-02-01 2026-03-01

            2026-01-10 08:00  acme/terms  Acme Terms
                first recorded version

            """)
        let all = try run(["--since", "2026-01-01", "--all"], f)
        #expect(all.stdout.contains("2026-02-01 09:00  acme/terms  Acme Terms  [noise]"))
        #expect(all.stdout.hasPrefix("3 versions recorded since 2026-01-01"))
    }

    @Test func jsonShape() throws {
        let f = try Self.files()
        defer { f.layer.remove(); f.sources.remove(); try? FileManager.default.removeItem(atPath: f.state) }
        let list = try #require(try run(["--since", "2026-02-01", "--json"], f).json as? [[String: Any]])
        #expect(list.count == 1)
        let change = try #require(list.first)
        #expect(change["vendor"] as? String == "acme" && change["document"] as? String == "acme/terms" && change["title"] as? String == "Acme Terms")
        #expect(change["date"] as? String == "2026-03-01T10:15:00Z" && change["previous"] as? String == "2026-02-01T09:00:00Z")
        #expect(change["kind"] as? String == "real" && change["sections"] as? [String] == ["4.4"])
        #expect(change["added"] as? Int == 0 && change["removed"] as? Int == 0 && change["changed"] as? Int == 1)
        let affects = try #require(change["affects"] as? [[String: String]])
        #expect(affects == [["vendor": "acme", "surface": "consumer", "question": "retention", "status": "changed"]])
        #expect(change["seen"] as? Bool == false)
    }

    @Test func sinceTheLastLookInTheStateFile() throws {
        let f = try Self.files()
        defer { f.layer.remove(); f.sources.remove(); try? FileManager.default.removeItem(atPath: f.state) }
        try FileManager.default.createDirectory(atPath: f.state + "/termlens", withIntermediateDirectories: true)
        try Data(#"{"format": 1, "last_look": "2026-02-15T00:00:00Z", "seen": {"acme/terms": "2026-03-01T10-15-00Z"}}"#.utf8)
            .write(to: URL(fileURLWithPath: f.state + "/termlens/state.json"))
        for args in [[], ["--since-last-look"]] {
            let list = try #require(try run(args + ["--json"], f).json as? [[String: Any]])
            #expect(list.map { $0["date"] as? String ?? "" } == ["2026-03-01T10:15:00Z"])
            #expect(list.first?["seen"] as? Bool == true)
        }
        let text = try run([], f)
        #expect(text.stdout.hasPrefix("1 real change recorded since your last look (2026-02-15T00:00:00Z), newest first"))
    }

    @Test func aCorruptStateFileIsReportedOnceAndSetAside() throws {
        let f = try Self.files()
        defer { f.layer.remove(); f.sources.remove(); try? FileManager.default.removeItem(atPath: f.state) }
        try FileManager.default.createDirectory(atPath: f.state + "/termlens", withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: f.state + "/termlens/state.json"))
        let first = try run(["--since", "2026-01-01"], f)
        #expect(first.status == 0)
        #expect(first.stderr.hasPrefix("termlens: warning: \(f.state)/termlens/state.json is corrupt (not a JSON object): set aside as \(f.state)/termlens/state.json.corrupt-"))
        let second = try run(["--since", "2026-01-01"], f)
        #expect(second.status == 0 && second.stderr.isEmpty && second.stdout == first.stdout)
        let files = try FileManager.default.contentsOfDirectory(atPath: f.state + "/termlens")
        #expect(files.count == 1 && files[0].hasPrefix("state.json.corrupt-"))
    }

    @Test func theVerdictWhoseQuoteChangedNeedsReviewInShowAndCheck() throws {
        let f = try Self.files()
        defer { f.layer.remove(); f.sources.remove(); try? FileManager.default.removeItem(atPath: f.state) }
        let common = ["--data", f.layer.root, "--sources", f.sources.root]
        let verdict = try #require(try T.run(["show", "acme", "consumer", "retention", "--json"] + common).json as? [String: Any])
        #expect(verdict["needs_review"] as? Bool == true)
        #expect((verdict["evidence"] as? [[String: Any]])?.first?["status"] as? String == "changed")
        let text = try T.run(["show", "acme", "consumer", "retention"] + common)
        #expect(text.stdout.contains("\nNeeds review: the newest version changed or removed a quote: acme/terms (changed @2026-03-01)\n"))
        // Every verdict carries the flag; the bundled ones, with nothing changed, are false.
        let deepseek = try #require(try T.run(["show", "deepseek", "api", "--json"] + common).json as? [[String: Any]])
        #expect(deepseek.allSatisfy { $0["needs_review"] as? Bool == false })
        let check = try T.run(["check"] + common)
        #expect(check.status == 0)
        #expect(check.stderr.contains("acme/consumer/retention: needs review: quote pinned to acme/terms@2026-01-10 is changed in the newest version @2026-03-01"))
        #expect(check.stdout.contains("\n1 verdict needs review (a quote changed or gone in the newest version): acme/consumer/retention\n"))
    }

    @Test func usageAndUnknownVendor() throws {
        let f = try Self.files()
        defer { f.layer.remove(); f.sources.remove(); try? FileManager.default.removeItem(atPath: f.state) }
        #expect(try run(["--since", "last week"], f).status == 2)
        #expect(try run(["--since", "2026-01-01", "--since-last-look"], f).status == 2)
        let unknown = try run(["--vendor", "acmee"], f)
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown vendor `acmee` (did you mean `acme`?)"))
        #expect(try run(["--since", "2027-01-01"], f).stdout == "No real change recorded since 2027-01-01.\n")
    }
}
