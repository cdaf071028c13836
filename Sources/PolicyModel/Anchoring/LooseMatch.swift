/// Finds a quote while ignoring punctuation and whitespace altogether, so that a sentence whose
/// only change is a full stop, a comma or a kind of quotation mark is still the same sentence
/// (`"Improve the model for everyone"` → `"Improve the model for everyone".`).
enum LooseMatch {
    /// The letters, digits and symbols of a normalized text, each with its index in it.
    struct Letters {
        var scalars: [Unicode.Scalar] = []
        var positions: [Int] = []

        init(_ text: NormalizedText) {
            scalars.reserveCapacity(text.count)
            positions.reserveCapacity(text.count)
            for (i, s) in text.scalars.enumerated() where !LooseMatch.ignored(s) {
                scalars.append(s)
                positions.append(i)
            }
        }

        init(_ text: String) { self.init(NormalizedText(text)) }

        func occurrences(of needle: [Unicode.Scalar]) -> [Int] {
            guard let first = needle.first, needle.count <= scalars.count else { return [] }
            var found: [Int] = []
            var i = 0
            while i <= scalars.count - needle.count {
                if scalars[i] == first && scalars[i..<(i + needle.count)].elementsEqual(needle) { found.append(i) }
                i += 1
            }
            return found
        }
    }

    static func ignored(_ s: Unicode.Scalar) -> Bool {
        if MarkupNormalizer.isSpace(s) { return true }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }

    /// The one place where the quote's letters occur (narrowed by prefix/suffix when several do),
    /// as an anchor in the raw text; nil when they occur nowhere, or in several places alike.
    static func anchor(quote: String, prefix: String?, suffix: String?, in text: PreparedText) -> Anchor? {
        let needle = Letters(quote).scalars
        // Too short to tell a sentence apart once its punctuation is gone.
        guard needle.count >= 8 else { return nil }
        let hay = Letters(text.normalized)
        var hits = hay.occurrences(of: needle)
        if hits.count > 1 {
            let before = prefix.map { Letters($0).scalars } ?? []
            let after = suffix.map { Letters($0).scalars } ?? []
            hits = hits.filter { start in
                let end = start + needle.count
                return (before.isEmpty || (start >= before.count && hay.scalars[(start - before.count)..<start].elementsEqual(before)))
                    && (after.isEmpty || (end + after.count <= hay.scalars.count && hay.scalars[end..<(end + after.count)].elementsEqual(after)))
            }
        }
        guard hits.count == 1, let start = hits.first else { return nil }
        let range = text.normalized.rawRange(hay.positions[start], hay.positions[start + needle.count - 1] + 1)
        return Anchor(start: range.start, end: range.end, section: text.sections.section(at: range.start)?.label)
    }
}
