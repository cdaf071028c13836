import Testing
@testable import PolicyModel

/// Ids typed on the command line: case folded when that names one id, and suggestions
/// (a start, an abbreviation, a typo) when nothing fits.
@Suite("Name lookup")
struct NameLookupTests {
    static let catalog = BundledDataTests.catalog(withSample: false)

    @Test func idsTypedInAnotherCaseResolveWhenOneFits() {
        #expect(NameLookup.id("DeepSeek", among: ["deepseek", "openai"]) == "deepseek")
        #expect(NameLookup.id("openai", among: ["deepseek", "openai"]) == "openai")
        // Two ids equal but for case: only the exact one is taken, a third spelling is ambiguous.
        #expect(NameLookup.id("Acme", among: ["acme", "ACME"]) == nil)
        #expect(NameLookup.id("ACME", among: ["acme", "ACME"]) == "ACME")
        #expect(NameLookup.id("deepsek", among: ["deepseek"]) == nil)
    }

    @Test func targetsResolveToCanonicalIds() throws {
        let c = Self.catalog
        #expect(try Target.parse("DeepSeek/Consumer/Training-Opt-Out", in: c).get() == .verdict(vendor: "deepseek", surface: "consumer", question: "training-opt-out"))
        #expect(try Target.parse("DEEPSEEK/Terms-Of-Service:4.3", in: c).get() == .document(vendor: "deepseek", document: "terms-of-service", version: nil, section: "4.3"))
        #expect(try c.lookUpVendor("OpenAI").get().id == "openai")
    }

    @Test func suggestionsNameStartsAbbreviationsAndTypos() {
        let questions = Self.catalog.questions.map(\.id)
        #expect(Suggestion.candidates("trainin", in: questions) == ["training-opt-out"])
        #expect(Suggestion.candidates("train", in: questions) == ["train-on-inputs", "training-opt-out"])
        #expect(Suggestion.candidates("tos", in: ["privacy-policy", "terms-of-service"]) == ["terms-of-service"])
        #expect(Suggestion.candidates("retension", in: questions) == ["retention"])
        #expect(Suggestion.candidates("zzz", in: questions) == [])
        #expect(Suggestion.hint("train", in: questions) == " (did you mean `train-on-inputs` or `training-opt-out`?)")
    }

    @Test func aDocumentOnlyTargetListsTheVendorsDocuments() {
        guard case .failure(.notFound(let message)) = Target.parse("deepseek/tos", in: Self.catalog, documentOnly: true) else {
            Issue.record("deepseek/tos parsed")
            return
        }
        #expect(message.hasPrefix("deepseek has no document `tos` (did you mean `terms-of-service`?); its documents are developer-terms, privacy-policy, terms-of-service"))
    }
}
