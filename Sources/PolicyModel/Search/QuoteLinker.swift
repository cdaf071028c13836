/// Finds where a quote starts in a document unit: its tokens, in order across lines. When they
/// occur more than once, the quote's anchor (which `prefix` and `suffix` settle, as `check` does)
/// picks the place.
struct QuoteLinker {
    let tables: IndexTables

    /// A position in a unit's token stream: an occurrence and a token in its line.
    struct Cursor: Equatable {
        var occurrence: Int
        var token: Int
    }

    func link(quote: Int, in unit: Int, anchorStart: () -> Int?) -> SearchIndex.QuoteLink? {
        let quoteOccurrences = tables.row(tables.unitOccStart, quote)
        guard let quoteOcc = quoteOccurrences.first else { return nil }
        let needle = ids(ofLine: Int(tables.occLine[quoteOcc]))
        let occurrences = tables.row(tables.unitOccStart, unit)
        guard let first = needle.first else { return nil }
        var found: [Cursor] = []
        for occ in occurrences {
            let line = ids(ofLine: Int(tables.occLine[occ]))
            for (t, id) in line.enumerated() where id == first {
                let at = Cursor(occurrence: occ, token: t)
                if matches(needle, at: at, within: occurrences) { found.append(at) }
            }
        }
        guard var pick = found.first else { return nil }
        if found.count > 1, let anchor = anchorStart() {
            // The place whose first token starts nearest the anchor.
            pick = found.min { abs(rawStart(of: $0) - anchor) < abs(rawStart(of: $1) - anchor) } ?? pick
        }
        return SearchIndex.QuoteLink(unit: Int32(unit), occurrence: Int32(pick.occurrence), token: Int32(pick.token))
    }

    /// Raw scalar offset, in its text, of the token at a cursor.
    private func rawStart(of c: Cursor) -> Int {
        var tokenizer = Tokenizer()
        var line = TokenizedLine()
        tables.rawLine(Int(tables.occRaw[c.occurrence])).withMemoryRebound(to: UInt8.self) {
            tokenizer.tokenize($0, offsets: true, into: &line)
        }
        let inLine = c.token < line.rawStarts.count ? Int(line.rawStarts[c.token]) : 0
        return Int(tables.occScalar[c.occurrence]) + inLine
    }

    /// Word ids of a folded line (gaps dropped).
    func ids(ofLine l: Int) -> [UInt32] {
        tables.tokens.withSlice(tables.row(tables.tokenStart, l)) { $0.map { $0 & IndexTables.idMask } }
    }

    /// The cursor `n` tokens further on, across lines of the same unit.
    func advance(_ at: Cursor, by n: Int, within occurrences: Range<Int>) -> Cursor? {
        var c = at
        var left = n
        while true {
            let count = tables.row(tables.tokenStart, Int(tables.occLine[c.occurrence])).count
            if c.token + left < count { return Cursor(occurrence: c.occurrence, token: c.token + left) }
            left -= count - c.token
            c = Cursor(occurrence: c.occurrence + 1, token: 0)
            guard c.occurrence < occurrences.upperBound else { return left == 0 ? c : nil }
        }
    }

    private func matches(_ needle: [UInt32], at: Cursor, within occurrences: Range<Int>) -> Bool {
        var c = at
        for (i, id) in needle.enumerated() {
            if i > 0 {
                guard let next = advance(c, by: 1, within: occurrences), next.occurrence < occurrences.upperBound else { return false }
                c = next
            }
            let line = tables.row(tables.tokenStart, Int(tables.occLine[c.occurrence]))
            guard c.token < line.count, tables.tokens[line.lowerBound + c.token] & IndexTables.idMask == id else { return false }
        }
        return true
    }
}
