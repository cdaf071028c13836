@testable import Browser
import PolicyModel

/// The fixture catalog after Acme's terms changed again on 2026-06-01: the first sentence of
/// 4.3 was edited (a quote changed) and 5.1 now names one place of processing (a quote gone).
/// Acme's quotes are pinned to 2026-01-01, so the verdicts that cite those two need a second
/// look. The screens of the fixture itself stay as they are.
extension FixtureCatalog {
    nonisolated(unsafe) static let updated = CatalogLoader.load(layers: [InMemoryLayer(label: "fixture", files: updatedFiles)], sourceRoots: [])

    static var acmeTermsNewest: String {
        acmeTermsNew
            .replacingOccurrences(of: "We may use Inputs to improve the Services.", with: "We may use Inputs to improve and train the Services.")
            .replacingOccurrences(of: "5.1 We may store and process your data in the United States and in other countries where our providers operate.",
                                  with: "5.1 We store and process your data in the European Union only.")
    }

    static var updatedFiles: [String: String] {
        var files = files
        files["vendors/acme/documents/terms/2026-06-01.md"] = acmeTermsNewest
        files["vendors/acme/verdicts.yaml"] = acmeVerdicts.replacingOccurrences(of: "- document: terms\n", with: "- document: terms\n        version: 2026-01-01\n")
        return files
    }

    /// Looks as of 2026-06-15: the last one on 2025-12-01, Bolt's terms seen since.
    static let lookState = LookState(lastLook: "2025-12-01T00:00:00Z", seen: ["bolt/terms": "2026-02-01T99"])
    static let lookNow = "2026-06-15T00:00:00Z"

    /// A model over the updated catalog with those looks: Acme's two changes are unseen.
    static func updatedModel(language: Language = .en) -> BrowserModel {
        let model = BrowserModel(catalog: updated, language: language)
        model.looks = LookRecord(state: lookState, now: lookNow)
        return model
    }
}
