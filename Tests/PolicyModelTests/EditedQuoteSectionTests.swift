import Testing
@testable import PolicyModel

/// An edited quote is reported in the section it stands in, not in the one before it.
@Suite("Edited quotes keep their section")
struct EditedQuoteSectionTests {
    let quote = "Under the premise of secure processing, we may, to a minimal extent, use Inputs and Outputs to improve the Services."
    let old = """
        4.2 You retain any rights in the Inputs you submit, and we assign any rights in the Outputs to you.

        4.3 Under the premise of secure processing, we may, to a minimal extent, use Inputs and Outputs to improve the Services. You can opt out.

        4.4 Outputs may include links to other websites.
        """

    func recheck(_ new: String) -> DriftResult {
        DriftCheck.recheck(quote: quote, prefix: nil, suffix: nil, oldSection: "4.3", in: PreparedText(new))
    }

    @Test func aShortenedQuoteAtTheStartOfItsSectionStaysInIt() throws {
        let new = old.replacingOccurrences(of: "we may, to a minimal extent, use", with: "we may use")
        let result = recheck(new)
        #expect(result.status == .changed)
        #expect(result.anchor?.section == "4.3")
        #expect(result.closest == "Under the premise of secure processing, we may use Inputs and Outputs to improve the Services.")
    }

    @Test func aLengthenedOrReworded() throws {
        let longer = old.replacingOccurrences(of: "to improve the Services", with: "to develop, train and improve the Services and models")
        #expect(recheck(longer).anchor?.section == "4.3")
        #expect(recheck(longer).closest?.hasPrefix("Under the premise") == true)
        let reworded = old.replacingOccurrences(of: "Under the premise of", with: "Subject to")
        #expect(recheck(reworded).status == .changed)
        #expect(recheck(reworded).anchor?.section == "4.3")
    }

    @Test func theStartIsFoundBackwardsFromTheEnd() {
        let text = Array("end of 4.2. Under premise we may use Inputs".unicodeScalars)
        let pattern = Array("Under the premise we may use Inputs".unicodeScalars)
        let start = EditDistance.bestMatchStart(pattern[...], endingWith: text[...])
        #expect(String(String.UnicodeScalarView(text[start...])) == "Under premise we may use Inputs")
        // Within a slice, the start is an index of the whole array.
        let inner = EditDistance.bestMatchStart(pattern[...], endingWith: text[4..<text.count])
        #expect(inner == start)
        #expect(EditDistance.bestMatchStart(pattern[...], endingWith: text[3..<3]) == 3)
    }
}
