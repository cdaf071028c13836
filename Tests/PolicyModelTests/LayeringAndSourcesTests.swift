import Foundation
import Testing
@testable import PolicyModel

@Suite("Layers and sources")
struct LayeringAndSourcesTests {
    @Test func aLaterLayerReplacesAVendorWholeAndAddsNewOnes() throws {
        let base = try Fixture(MinimalLayer.files)
        defer { base.remove() }
        let over = try Fixture([
            "vendors/acme/vendor.yaml": "id: acme\nname: Acme Renamed\nsurfaces:\n  - {id: consumer, name: Chat}\n",
            "vendors/zeta/vendor.yaml": "id: zeta\nname: Zeta\nsurfaces:\n  - {id: api, name: API}\n",
        ])
        defer { over.remove() }
        let catalog = CatalogLoader.load(layers: [DirectoryLayer(root: base.root), DirectoryLayer(root: over.root)], sourceRoots: [])
        #expect(catalog.errors.isEmpty, "\(catalog.errors)")
        #expect(catalog.vendor("acme")?.name == "Acme Renamed")
        // replaced whole: the earlier layer's documents and verdicts are gone with it
        #expect(catalog.vendor("acme")?.documents.isEmpty == true)
        #expect(catalog.vendor("acme")?.verdicts.isEmpty == true)
        #expect(catalog.vendor("zeta") != nil)
        // questions come from the last layer that has them
        #expect(catalog.questions.map(\.id) == ["train-on-inputs", "retention"])
    }

    @Test func questionsFromTheLastLayerThatHasThem() throws {
        let base = try Fixture(MinimalLayer.files)
        defer { base.remove() }
        let over = try Fixture(["questions.yaml": "questions:\n  - {id: train-on-inputs, title: Trains?}\n  - {id: retention, title: Kept?}\n  - {id: deletion, title: Deleted?}\n"])
        defer { over.remove() }
        let catalog = CatalogLoader.load(layers: [DirectoryLayer(root: base.root), DirectoryLayer(root: over.root)], sourceRoots: [])
        #expect(catalog.questions.map(\.id) == ["train-on-inputs", "retention", "deletion"])
        #expect(catalog.question("retention")?.title.text() == "Kept?")
    }

    @Test func layeringIsAssociative() throws {
        let a = try Fixture(MinimalLayer.files)
        let b = try Fixture(["vendors/acme/vendor.yaml": "id: acme\nname: B\nsurfaces:\n  - {id: api, name: API}\n"])
        let c = try Fixture(["vendors/acme/vendor.yaml": "id: acme\nname: C\nsurfaces:\n  - {id: api, name: API}\n",
                             "vendors/beta/vendor.yaml": "id: beta\nname: Beta\nsurfaces:\n  - {id: api, name: API}\n"])
        defer { a.remove(); b.remove(); c.remove() }
        let all = CatalogLoader.load(layers: [a, b, c].map { DirectoryLayer(root: $0.root) }, sourceRoots: [])
        #expect(all.vendor("acme")?.name == "C")
        #expect(all.vendors.map(\.id).sorted() == ["acme", "beta"])
    }

    /// A fake dataset in Open Terms Archive's release layout.
    func dataset(_ files: [String: String]) throws -> Fixture { try Fixture(files) }

    @Test func datasetLayoutRenamedServicesAndSameDayVersions() throws {
        let ds = try dataset([
            "Le Chat/Terms of Service/2025-01-02T10-00-00Z.md": "old text",
            "Vibe/Terms of Service/2026-07-10T08-00-00Z.md": "morning text",
            "Vibe/Terms of Service/2026-07-10T20-00-00Z.md": "evening text",
            "Vibe/Terms of Service/notes.txt": "not a version",
            "Vibe/Terms of Service/2026-07-10.md": "not a version either",
            "Vibe/README.md": "ignored",
            "INDEX.tsv": "ignored",
        ])
        defer { ds.remove() }
        var sources = OTASources()
        // Misnamed files inside a type folder are one warning, naming how many and the first;
        // files beside the service folders (INDEX.tsv, README.md) are the dataset's own.
        let warnings = sources.add(root: ds.root)
        #expect(warnings.count == 1)
        #expect(warnings.first?.severity == .warning)
        #expect(warnings.first?.location.file.hasSuffix("Vibe/Terms of Service/2026-07-10.md") == true)
        #expect(warnings.first?.message.hasPrefix("2 files in ") == true)
        #expect(sources.misnamed.count == 2)
        let versions = sources.versions(for: OTABinding(services: ["Le Chat", "Vibe"], type: "Terms of Service"))
        #expect(versions.map(\.date.description) == ["2025-01-02", "2026-07-10"])
        #expect(versions.last?.path.hasSuffix("2026-07-10T20-00-00Z.md") == true)
        #expect(sources.versions(for: OTABinding(services: ["Vibe"], type: "Privacy Policy")).isEmpty)
    }

    @Test func missingSourcesFolderIsAnError() {
        var sources = OTASources()
        let problems = sources.add(root: "/nonexistent/termlens-sources")
        #expect(problems.first?.message.contains("not found") == true)
    }

    @Test func documentsJoinTheirSourcesAndQuotesAnchorThere() throws {
        let ds = try dataset(["Acme/Privacy Policy/2026-03-01T00-00-00Z.md": "# Privacy\n\n## Retention\n\nWe keep chats for 30 days.\n"])
        defer { ds.remove() }
        var files = MinimalLayer.files
        files["vendors/acme/documents/privacy/document.yaml"] = "title: Acme Privacy\ntype: Privacy Policy\nlanguage: en\nota: {service: Acme, type: Privacy Policy}\n"
        files["vendors/acme/verdicts.yaml"] = MinimalLayer.verdicts + """

          - surface: consumer
            question: retention
            answer: yes
            summary: 30 days.
            as_of: 2026-03-01
            evidence:
              - {document: privacy, version: 2026-03-01, quote: We keep chats for 30 days.}
        """
        let layer = try Fixture(files)
        defer { layer.remove() }
        let without = layer.catalog().check(strict: false)
        #expect(without.count(.unverified) == 1)
        #expect(without.exitCode(strict: false) == 0)
        #expect(layer.catalog().check(strict: true).exitCode(strict: true) == 65)

        let with = layer.catalog(sources: [ds.root]).check(strict: true)
        #expect(with.errors.isEmpty, "\(with.errors)")
        #expect(with.count(.anchored) == 2)
        let resolved = with.resolved.first { $0.evidence.document == "privacy" }
        #expect(resolved?.anchor?.section == "Retention")
        #expect(resolved?.version?.origin == .source)
    }
}

@Suite("Evidence drift")
struct DriftTests {
    /// A document with two versions and a quote pinned to the older one.
    func status(old: String, new: String, quote: String) throws -> EvidenceStatus {
        var files = MinimalLayer.files
        files["vendors/acme/documents/terms/2026-01-01.md"] = old
        files["vendors/acme/documents/terms/2026-06-01.md"] = new
        files["vendors/acme/verdicts.yaml"] = MinimalLayer.verdicts
            .replacingOccurrences(of: "      - document: terms\n", with: "      - document: terms\n        version: 2026-01-01\n")
            .replacingOccurrences(of: "We may use Inputs to improve the Services.", with: quote)
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let report = fixture.catalog().check(strict: true)
        #expect(report.errors.isEmpty, "\(report.errors)")
        return try #require(report.resolved.first?.status)
    }

    let quote = "We may use Inputs and Outputs to develop and improve the Services."

    @Test func still() throws {
        let text = "## 4. Content\n\n4.3 We may use Inputs and Outputs to develop and improve the Services.\n"
        #expect(try status(old: text, new: text + "\n4.9 New clause.\n", quote: quote) == .still)
    }

    @Test func moved() throws {
        let old = "4.3 We may use Inputs and Outputs to develop and improve the Services.\n"
        let new = "4.1 Intro.\n\n5.2 We may use Inputs and Outputs to develop and improve the Services.\n"
        #expect(try status(old: old, new: new, quote: quote) == .moved)
    }

    @Test func changed() throws {
        let old = "4.3 We may use Inputs and Outputs to develop and improve the Services.\n"
        let new = "4.3 We may use Inputs and Outputs to develop, train and improve the Services.\n"
        #expect(try status(old: old, new: new, quote: quote) == .changed)
    }

    @Test func gone() throws {
        let old = "4.3 We may use Inputs and Outputs to develop and improve the Services.\n"
        let new = "4.3 Completely different wording about payment schedules and refunds.\n"
        #expect(try status(old: old, new: new, quote: quote) == .gone)
    }

    @Test func driftIsAWarningNotAnError() throws {
        var files = MinimalLayer.files
        files["vendors/acme/documents/terms/2026-06-01.md"] = "Nothing here.\n"
        files["vendors/acme/verdicts.yaml"] = MinimalLayer.verdicts
            .replacingOccurrences(of: "      - document: terms\n", with: "      - document: terms\n        version: 2026-01-01\n")
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let report = fixture.catalog().check(strict: true)
        #expect(report.exitCode(strict: true) == 0)
        #expect(report.warnings.contains { $0.message.contains("gone") })
    }
}
