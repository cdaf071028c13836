import Foundation
import Testing
@testable import PolicyModel

@Suite("Every service of the sources is browsable")
struct SourceServicesTests {
    /// The minimal layer, its `terms` document bound to the `Acme` service's Terms of Service.
    func layer() throws -> Fixture {
        var files = MinimalLayer.files
        files["vendors/acme/documents/terms/document.yaml"] = MinimalLayer.document + "\nota:\n  service: Acme\n  type: Terms of Service\n"
        return try Fixture(files)
    }

    func dataset() throws -> Fixture {
        try Fixture([
            "Acme/Terms of Service/2025-12-01T10-00-00Z.md": MinimalLayer.text,
            "Acme/Privacy Policy/2026-02-01T10-00-00Z.md": "# Acme Privacy\n\nWe keep data.\n",
            "Acme/Terms/2026-02-03T10-00-00Z.md": "Terms, a second page.\n",
            "ACME/Cookies Policy/2026-02-04T10-00-00Z.md": "Cookies.\n",
            "GitHub Copilot/Privacy Policy/2025-01-01T08-00-00Z.md": "Copilot privacy, old.\n",
            "GitHub Copilot/Privacy Policy/2025-06-01T08-00-00Z.md": "Copilot privacy, new.\n",
            "GitHub Copilot/Terms of Service/2025-06-01T08-00-00Z.md": "Copilot terms.\n",
            "Bolt.new/Terms of Service/2025-03-01T00-00-00Z.md": "Bolt terms.\n",
            "文心一言/Privacy Policy/2025-05-21T00-00-00Z.md": "隐私政策。\n",
        ])
    }

    @Test func unboundServicesBecomeVendorsAfterTheAnalysedOnes() throws {
        let data = try layer(), ds = try dataset()
        defer { data.remove(); ds.remove() }
        let catalog = data.catalog(sources: [ds.root])
        #expect(catalog.errors.isEmpty, "\(catalog.errors)")
        #expect(catalog.vendors.map(\.id) == ["acme", "bolt-new", "github-copilot", "文心一言"])
        #expect(catalog.vendors.map(\.analysed) == [true, false, false, false])
        #expect(catalog.analysedVendors.map(\.id) == ["acme"])

        let copilot = try #require(catalog.vendor("github-copilot"))
        #expect(copilot.name == "GitHub Copilot")
        #expect(copilot.surfaces.isEmpty && copilot.verdicts.isEmpty)
        #expect(copilot.documents.map(\.id) == ["privacy-policy", "terms-of-service"])
        let privacy = try #require(copilot.document("privacy-policy"))
        #expect(privacy.versions.map(\.date.description) == ["2025-01-01", "2025-06-01"])
        #expect(privacy.title.text() == "GitHub Copilot Privacy Policy")
        #expect(privacy.type == "Privacy Policy")
        #expect(privacy.ota == OTABinding(services: ["GitHub Copilot"], type: "Privacy Policy"))
        #expect(!privacy.analysed)
        // A name in Chinese is its own id.
        #expect(catalog.vendor("文心一言")?.name == "文心一言")
    }

    @Test func aBoundServicesOtherTypesJoinItsVendor() throws {
        let data = try layer(), ds = try dataset()
        defer { data.remove(); ds.remove() }
        let catalog = data.catalog(sources: [ds.root])
        let acme = try #require(catalog.vendor("acme"))
        // `Terms` would be `terms`, which the analysed document has: the service's name goes in front.
        // `ACME` binds nothing, but its name is acme's id.
        #expect(acme.documents.map(\.id).sorted() == ["acme-terms", "cookies-policy", "privacy-policy", "terms"])
        #expect(acme.documents.filter(\.analysed).map(\.id) == ["terms"])
        #expect(acme.document("acme-terms")?.versions.count == 1)
        #expect(acme.document("cookies-policy")?.ota?.services == ["ACME"])
        // Its own versions and the source's, as before.
        #expect(acme.document("terms")?.versions.map(\.origin) == [.source, .data])
    }

    @Test func servicesWithoutVerdictsAreTargetsAndSearchedAndNothingToCheck() throws {
        let data = try layer(), ds = try dataset()
        defer { data.remove(); ds.remove() }
        let catalog = data.catalog(sources: [ds.root])
        #expect(try Target.parse("github-copilot/privacy-policy@2025-01-01", in: catalog).get()
                == .document(vendor: "github-copilot", document: "privacy-policy", version: SimpleDate("2025-01-01"), section: nil))
        #expect(try Target.parse("bolt-new", in: catalog).get() == .vendor("bolt-new"))
        var query = SearchQuery("copilot privacy")
        query.scope = .documents
        let hits = SearchEngine(catalog: catalog).search(query)
        #expect(hits.map(\.documentRef) == ["github-copilot/privacy-policy"])
        #expect(hits.first?.version == SimpleDate("2025-06-01"))
        let report = catalog.check(strict: true)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
    }

    @Test func aLayerThatAnalysesAServiceTakesItOver() throws {
        let data = try layer(), ds = try dataset()
        let over = try Fixture([
            "vendors/github-copilot/vendor.yaml": "id: github-copilot\nname: GitHub\nsurfaces:\n  - {id: consumer, name: Copilot}\n",
            "vendors/github-copilot/documents/privacy/document.yaml":
                "title: Copilot Privacy\ntype: Privacy Policy\nlanguage: en\nsurfaces: [consumer]\nota:\n  service: GitHub Copilot\n  type: Privacy Policy\n",
        ])
        defer { data.remove(); ds.remove(); over.remove() }
        let catalog = CatalogLoader.load(layers: [DirectoryLayer(root: data.root), DirectoryLayer(root: over.root)], sourceRoots: [ds.root])
        #expect(catalog.errors.isEmpty, "\(catalog.errors)")
        let github = try #require(catalog.vendor("github-copilot"))
        #expect(github.analysed)
        #expect(github.documents.map(\.id) == ["privacy", "terms-of-service"])
        #expect(catalog.vendors.filter { $0.name.contains("Copilot") }.count == 0)
        #expect(catalog.vendors.filter { $0.id.hasPrefix("github-copilot") }.count == 1)
    }

    @Test func namesInAnyScriptMakeReadableIDs() {
        #expect(Slug.make("GitHub Copilot") == "github-copilot")
        #expect(Slug.make("Bolt.new") == "bolt-new")
        #expect(Slug.make("智谱清言") == "智谱清言")
        #expect(Slug.make("Kimi 智能助手") == "kimi-智能助手")
        #expect(Slug.make("ＡＩ　アシスタント") == "ai-アシスタント")
        #expect(Slug.make("Café Crème") == "café-crème")
        #expect(Slug.make("Cafe\u{301}") == Slug.make("Café"), "decomposed and composed accents are one id")
        #expect(Slug.make("हिन्दी AI") == "हिन्दी-ai")
        #expect(Slug.make("★ / @ : ★") == "")
        #expect(Slug.make("a/b@c:d") == "a-b-c-d")
    }

    /// Chinese-named services, names that make one id, and one with no letter at all.
    func unusualNames() throws -> Fixture {
        try Fixture([
            "智谱清言/Privacy Policy/2025-05-01T00-00-00Z.md": "# 隐私政策\n\n我们收集你的输入。\n",
            "智谱清言/用户协议/2025-05-02T00-00-00Z.md": "# 用户协议\n\n第一条 服务。\n",
            "文心一言/Privacy Policy/2025-05-21T00-00-00Z.md": "隐私政策。\n",
            "Kimi AI/Terms of Service/2025-01-01T00-00-00Z.md": "Kimi terms.\n",
            "Kimi.AI/Terms of Service/2025-01-02T00-00-00Z.md": "Kimi terms, again.\n",
            "kimi-ai/Terms of Service/2025-01-03T00-00-00Z.md": "Kimi terms, a third time.\n",
            "★/Terms of Service/2025-01-04T00-00-00Z.md": "Stars.\n",
            "☆/Terms of Service/2025-01-05T00-00-00Z.md": "More stars.\n",
        ])
    }

    @Test func unusualNamesGetDistinctStableIDsThatTargetsName() throws {
        let data = try layer(), ds = try unusualNames()
        defer { data.remove(); ds.remove() }
        let catalog = data.catalog(sources: [ds.root])
        #expect(catalog.errors.isEmpty, "\(catalog.errors)")
        let made = catalog.vendors.filter { !$0.analysed }
        #expect(Set(made.map(\.id)).count == made.count, "ids collide: \(made.map(\.id))")
        let ids = Dictionary(uniqueKeysWithValues: made.map { ($0.name, $0.id) })
        #expect(ids["智谱清言"] == "智谱清言" && ids["文心一言"] == "文心一言")
        // The same id three times: suffixes in the order of the names.
        #expect(ids["Kimi AI"] == "kimi-ai" && ids["Kimi.AI"] == "kimi-ai-2" && ids["kimi-ai"] == "kimi-ai-3")
        #expect(ids["★"] == "service" && ids["☆"] == "service-2")
        #expect(catalog.vendor("智谱清言")?.documents.map(\.id) == ["privacy-policy", "用户协议"])
        #expect(try Target.parse("智谱清言/用户协议@2025-05-02", in: catalog).get()
                == .document(vendor: "智谱清言", document: "用户协议", version: SimpleDate("2025-05-02"), section: nil))
        #expect(try Target.parse("智谱清言/privacy-policy:1", in: catalog).get()
                == .document(vendor: "智谱清言", document: "privacy-policy", version: nil, section: "1"))
        // Loaded again, the same ids.
        let again = data.catalog(sources: [ds.root])
        #expect(again.vendors.map(\.id) == catalog.vendors.map(\.id))
    }

    @Test func uniqueIDs() {
        #expect(SourceServices.unique("cursor", fallback: "service", taken: []) == "cursor")
        #expect(SourceServices.unique("cursor", fallback: "service", taken: ["cursor", "cursor-2"]) == "cursor-3")
        #expect(SourceServices.unique("", fallback: "service", taken: ["service"]) == "service-2")
    }
}
