// Quote anchoring, drift re-anchoring and search on arbitrary text and quotes.
// The input is cut at 0xFF bytes: document text, quote, prefix, suffix. An
// anchor must lie inside the text and hold the quote; drift results must lie
// inside the text; search hits must map back into the raw text.
import FuzzSupport
import PolicyModel

/// An empty catalog to hang synthetic search texts on.
let emptyCatalog = CatalogLoader.load(layers: [], sourceRoots: [])

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let pieces = FuzzInput(data, size).pieces(atLeast: 4)
    // Loaded texts are valid UTF-8 (the loader refuses others), so repair first.
    let documentText = pieces[0].text
    let text = PreparedText(documentText)
    let quote = pieces[1].text
    let prefix = pieces[2].isEmpty ? nil : pieces[2].text
    let suffix = pieces[3].isEmpty ? nil : pieces[3].text

    switch QuoteAnchoring.anchor(quote: quote, prefix: prefix, suffix: suffix, in: text) {
    case .success(let anchor):
        checkInside(anchor, text)
        // With no markup or link syntax in play, the anchored raw text normalizes to the quote.
        let found = text.text(anchor.start, anchor.end)
        if !found.unicodeScalars.contains(where: { "[]()*_\\!".unicodeScalars.contains($0) }) {
            require(NormalizedText(found).scalars == NormalizedText(quote).scalars,
                    "anchored \(found.debugDescription) for quote \(quote.debugDescription)")
        }
    case .failure:
        break
    }
    let drift = DriftCheck.recheck(quote: quote, prefix: prefix, suffix: suffix, oldSection: nil, in: text)
    if let anchor = drift.anchor { checkInside(anchor, text) }

    let index = SearchIndex(catalog: emptyCatalog, extraTexts: [.init(vendor: "fuzz", document: "text", bytes: Array(documentText.utf8))])
    var describer = HitDescriber(index: index)
    for match in index.matches(SearchQuery(quote), limit: 20) {
        let hit = describer.describe(match)
        if let start = hit.start, let end = hit.end {
            require(0 <= start && start < end && end <= text.raw.count, "search hit \(start)..<\(end) of \(text.raw.count)")
        }
        let snippetCount = hit.snippet.unicodeScalars.count
        require(hit.snippetMatch.lowerBound >= 0 && hit.snippetMatch.upperBound <= snippetCount,
                "snippet match \(hit.snippetMatch) of \(snippetCount)")
        require(hit.matches.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= snippetCount }, "word matches \(hit.matches) of \(snippetCount)")
    }
    return 0
}

func checkInside(_ anchor: Anchor, _ text: PreparedText) {
    require(0 <= anchor.start && anchor.start < anchor.end && anchor.end <= text.raw.count,
            "anchor \(anchor.start)..<\(anchor.end) outside \(text.raw.count) scalars")
    if let section = anchor.section {
        require(text.sections.sections.contains { $0.label == section }, "unknown section \(section)")
    }
}

runFuzzer(fuzzOne)
