import PolicyModel
@testable import Browser

/// The fixture catalog with what the research moves need besides: Lumen's terms in English (a
/// counterpart of its Chinese agreement) and an Acme event whose source is a document version.
enum ResearchFixture {
    static let lumenEnglish = """
    # Lumen Terms of Use

    ## Article 1 General

    1.1 These terms apply to the Lumen chat service.

    ## Article 4 Inputs and Outputs

    4.1 You have rights in your inputs.

    4.3 To provide the service, we may use inputs and the matching outputs to optimise the service. If you refuse, tell us as Article 9 says.

    ## Article 9 Contact

    9.1 Write to privacy@lumen.example.
    """

    nonisolated(unsafe) static let catalog: Catalog = {
        var files = FixtureCatalog.files
        files["vendors/lumen/documents/terms-en/document.yaml"] = """
        title: Lumen Terms of Use
        type: Terms of Service
        language: en
        surfaces: [consumer]
        url: https://lumen.example/terms
        """
        files["vendors/lumen/documents/terms-en/2025-01-20.md"] = lumenEnglish
        files["vendors/acme/vendor.yaml"] = FixtureCatalog.acmeVendor + """

          - {date: 2026-01-01, title: "Terms revised: inputs kept 30 days", source: acme/terms@2026-01-01}
          - {date: 2025-06-01, title: "Privacy policy published", source: acme/privacy@2025-06-01}
        """
        return CatalogLoader.load(layers: [InMemoryLayer(label: "fixture", files: files)], sourceRoots: [])
    }()

    static func model() -> BrowserModel { BrowserModel(catalog: catalog, language: .en) }
}
