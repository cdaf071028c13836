import Foundation
import Testing
@testable import PolicyModel

/// The checks a contributor leans on: dates, pinned versions, event sources, scoped checks, the scaffold.
@Suite("Authoring checks")
struct AuthoringChecksTests {
    static let today = SimpleDate(year: 2026, month: 12, day: 1)

    /// The minimal layer with changes, plus an Open Terms Archive dataset holding `acme`'s
    /// privacy policy at the given recording stamps.
    func catalog(_ changes: [String: String] = [:], otaStamps: [String] = []) throws -> (Catalog, [Fixture]) {
        var files = MinimalLayer.files
        for (path, text) in changes { files[path] = text }
        let layer = try Fixture(files)
        var ota: [String: String] = [:]
        for stamp in otaStamps { ota["Acme/Privacy Policy/\(stamp).md"] = "# Privacy\n\n1. We keep Inputs for \(stamp.prefix(4)) days.\n" }
        let dataset = try Fixture(ota)
        let catalog = CatalogLoader.load(layers: [DirectoryLayer(root: layer.root)], sourceRoots: otaStamps.isEmpty ? [] : [dataset.root],
                                         today: Self.today ?? .today())
        return (catalog, [layer, dataset])
    }

    static let privacyDocument = """
    title: Acme Privacy Policy
    type: Privacy Policy
    language: en
    surfaces: [consumer]
    ota: {service: Acme, type: Privacy Policy}
    """

    func messages(_ c: Catalog, only: Set<String>? = nil) -> [String] { c.check(strict: false, only: only).errors.map(\.message) }

    @Test func asOfMayNotBeInTheFutureNorBeforeItsEvidence() throws {
        let future = MinimalLayer.verdicts.replacingOccurrences(of: "as_of: 2026-01-01\n    evidence", with: "as_of: 2026-12-02\n    evidence")
        let (c1, f1) = try catalog(["vendors/acme/verdicts.yaml": future])
        defer { f1.forEach { $0.remove() } }
        #expect(messages(c1).contains { $0.hasPrefix("`as_of` 2026-12-02 is after today (2026-12-01)") })

        let early = MinimalLayer.verdicts.replacingOccurrences(of: "as_of: 2026-01-01\n    evidence", with: "as_of: 2025-06-30\n    evidence")
        let (c2, f2) = try catalog(["vendors/acme/verdicts.yaml": early])
        defer { f2.forEach { $0.remove() } }
        #expect(messages(c2) == ["`as_of` 2025-06-30 is before the newest primary version its evidence cites (2026-01-01): set it to 2026-01-01"])

        let (c3, f3) = try catalog()
        defer { f3.forEach { $0.remove() } }
        #expect(messages(c3).isEmpty)
    }

    @Test func aPinnedVersionInsideTheLoadedHistoryMustExist() throws {
        let layer = [
            "vendors/acme/documents/privacy/document.yaml": Self.privacyDocument,
            "vendors/acme/verdicts.yaml": MinimalLayer.verdicts + """

              - surface: consumer
                question: retention
                answer: yes
                summary: Thirty days.
                as_of: 2026-05-01
                evidence:
                  - document: privacy
                    version: VERSION
                    quote: We keep Inputs
            """,
        ]
        let stamps = ["2026-03-01T10-00-00Z", "2026-05-01T10-00-00Z"]
        func problems(pin: String) throws -> [Diagnostic] {
            let (c, f) = try catalog(layer.mapValues { $0.replacingOccurrences(of: "VERSION", with: pin) }, otaStamps: stamps)
            defer { f.forEach { $0.remove() } }
            return c.check(strict: false).diagnostics.filter { $0.location.file.hasSuffix("verdicts.yaml") }
        }
        func errors(pin: String) throws -> [String] { try problems(pin: pin).filter { $0.severity == .error }.map(\.message) }
        // A typo between loaded versions of an archived document: a warning that lists what there
        // is (another dataset may hold that version); the quote is unverified, which --strict fails.
        let typo = try problems(pin: "2026-04-01")
        #expect(typo.map(\.message) == ["evidence cites acme/privacy@2026-04-01, but acme/privacy has no version 2026-04-01 (nearest: 2026-05-01); its versions: 2026-03-01, 2026-05-01"])
        #expect(typo.map(\.severity) == [.warning])
        // Older than anything loaded: it may be in a fuller history, so it is only unverified.
        #expect(try errors(pin: "2025-01-01").isEmpty)
        // Newer than anything loaded: a history recorded before that version, also unverified
        // (here `as_of` then comes before its evidence, which is another error).
        let later = try problems(pin: "2026-08-01")
        #expect(later.filter { $0.message.hasPrefix("evidence cites") }.isEmpty, "\(later.map(\.message))")
        #expect(try errors(pin: "2026-05-01").isEmpty)
    }

    @Test func eventSourcesMustResolve() throws {
        func errors(_ events: String) throws -> [Diagnostic] {
            let (c, f) = try catalog(["vendors/acme/vendor.yaml": MinimalLayer.vendor + "\nevents:\n" + events,
                                      "vendors/acme/documents/privacy/document.yaml": Self.privacyDocument],
                                     otaStamps: ["2026-03-01T10-00-00Z", "2026-05-01T10-00-00Z"])
            defer { f.forEach { $0.remove() } }
            return c.check(strict: false).diagnostics.filter { $0.location.file.hasSuffix("vendor.yaml") }
        }
        let fine = try errors("  - {date: 2026-03-01, title: Policy rewritten, source: acme/privacy@2026-03-01}\n  - {date: 2026-01-01, title: Launch, source: https://example.com/launch}\n")
        #expect(fine.isEmpty)
        let typo = try errors("  - {date: 2026-03-01, title: Policy rewritten, source: acme/privcy@2026-03-01}\n")
        #expect(typo.map(\.message) == ["event source `acme/privcy@2026-03-01` names a document that does not exist (did you mean `privacy`?): acme has documents privacy, terms"])
        #expect(typo.first?.location.line == 8)
        // A date between loaded versions of an archived document: a warning (a dataset may hold part of the history).
        let missing = try errors("  - {date: 2026-04-01, title: Policy rewritten, source: acme/privacy@2026-04-01}\n")
        #expect(missing.map(\.severity) == [.warning])
        let future = try errors("  - {date: 2027-01-01, title: Soon, source: https://example.com}\n")
        #expect(future.map(\.message) == ["event dated 2027-01-01, after today (2026-12-01)"])
    }

    @Test func onlyScopesErrorsAndCountsToTheNamedVendors() throws {
        let broken = MinimalLayer.verdicts.replacingOccurrences(of: "quote: We may use Inputs to improve the Services.", with: "quote: We never use Inputs.")
        let beta = [
            "vendors/beta/vendor.yaml": "id: beta\nname: Beta\nsurfaces:\n  - {id: api, name: API}\n",
            "vendors/beta/verdicts.yaml": "verdicts:\n  - surface: api\n    question: retention\n    answer: unknown\n    summary: Not known.\n    as_of: 2026-01-01\n    missing: [Beta Terms]\n",
        ]
        var changes = beta
        changes["vendors/acme/verdicts.yaml"] = broken
        let (c, f) = try catalog(changes)
        defer { f.forEach { $0.remove() } }
        #expect(c.check(strict: true).exitCode(strict: true) == 65)
        let onlyBeta = c.check(strict: true, only: ["beta"])
        #expect(onlyBeta.errors.isEmpty)
        #expect(onlyBeta.verdicts == 1 && onlyBeta.quotes == 0)
        #expect(onlyBeta.exitCode(strict: true) == 0)
        let onlyAcme = c.check(strict: true, only: ["acme"])
        #expect(onlyAcme.errors.count == 1)
        #expect(onlyAcme.verdicts == 2)
    }

    @Test func theScaffoldIsAcceptedAndNamesEveryCell() throws {
        let dataset = try Fixture([
            "Acme Chat/Terms of Service/2026-02-01T00-00-00Z.md": "# Terms\n\n1. Use.\n",
            "Acme Chat/Privacy Policy/2026-03-05T00-00-00Z.md": "# 隐私政策\n\n一、我们收集的信息\n\n我们会收集您的输入。\n",
        ])
        let layer = try Fixture(["questions.yaml": MinimalLayer.questions])
        defer { dataset.remove(); layer.remove() }
        let base = CatalogLoader.load(layers: [DirectoryLayer(root: layer.root)], sourceRoots: [dataset.root])
        let scaffold = VendorScaffold(id: "acme-chat", name: "Acme Chat", services: ["Acme Chat"], surfaces: ["consumer", "api"])
        let files = try scaffold.files(in: base).get()
        #expect(files.map(\.path) == ["vendors/acme-chat/vendor.yaml", "vendors/acme-chat/documents/privacy-policy/document.yaml",
                                      "vendors/acme-chat/documents/terms-of-service/document.yaml", "vendors/acme-chat/verdicts.yaml"])
        #expect(files[1].text.contains("language: zh"))
        #expect(files[2].text.contains("language: en"))
        for file in files { try layer.write(file.path, file.text) }
        let loaded = CatalogLoader.load(layers: [DirectoryLayer(root: layer.root)], sourceRoots: [dataset.root])
        let report = loaded.check(strict: true, only: ["acme-chat"])
        #expect(report.errors.isEmpty, "\(report.errors)")
        let vendor = try #require(loaded.vendor("acme-chat"))
        #expect(vendor.verdicts.count == 2 * 2)
        #expect(vendor.verdicts.allSatisfy { $0.answer == .unknown && $0.summary.en == VendorScaffold.stubSummary && $0.asOf.description == "2026-03-05" })
        // It never overwrites, and says what it needs.
        #expect(scaffold.files(in: loaded).map { _ in 0 } == .failure(.exists("vendor `acme-chat` (in a loaded layer)")))
        let typo = VendorScaffold(id: "x", name: "X", services: ["Acme chat"], surfaces: [])
        #expect(typo.files(in: base).map { _ in 0 } == .failure(.unknownService("Acme chat", suggestion: "Acme Chat")))
    }
}
