/// Tells a document's numbered clauses (`**4\. Inputs, Outputs…**`) from the numbered lists
/// inside them (`1.  Outputs may not always be accurate…`). Both open a line with a bare number,
/// and a short list item looks like a clause title; citing the list item's number for a quote
/// that follows the list gives the wrong clause. The reader's outline (`SectionIndex`) and the
/// search index (`IndexBuilder`) both decide with these rules, so they agree.
///
/// A section found on a line written as a Markdown ordered-list item (`5. text`, the dot not
/// escaped, the item not opening with a title of its own) is an item of a list, not a clause, when
/// - the document writes its own numbered clauses otherwise (as headings, in bold or as
///   `4\.` paragraphs; at least two of them), or
/// - it stands in a tight list (a list line just before or after it), or
/// - its number does not go past the last clause number since the last unnumbered heading
///   (numbering restarts at 1, or repeats, within a clause).
/// An item that opens with a title of its own (`2.  **Termination.**`) is a clause written as a
/// list: only the last rule applies to it.
enum ListItemRule {
    /// What the rules need to know of one section found line by line.
    struct Evidence: Sendable, Hashable {
        /// The bare clause number (`4` for `4.` or `**4\.**`); nil for `4.3`, `(1)`, `第四条`, titles.
        var number: Int?
        /// The line is a Markdown ordered-list item (`4. text`, unescaped dot, not a heading or bold).
        var isListItem: Bool
        /// The line is an ordered-list item that opens with a title of its own (`2.  **Termination.**`).
        var isTitledItem = false
        /// Spaces before an ordered-list item's number (a nested list is indented).
        var indent = 0
        /// A heading without a clause number (`**Generally.**`, `## Retention`).
        var isTitleHeading: Bool
        /// A list line (ordered or bulleted) is just before or after it.
        var isTight = false
    }

    /// For each section, whether it is an item of a list inside a clause (to be left out).
    static func listItems(_ sections: [Evidence]) -> [Bool] {
        let marked = sections.lazy.filter { $0.number != nil && !$0.isListItem && !$0.isTitledItem }.prefix(2).count >= 2
        var drop = [Bool](repeating: false, count: sections.count)
        var last: Int?
        var lastIndent = 0
        for (i, s) in sections.enumerated() {
            if s.isTitleHeading { last = nil; lastIndent = 0; continue }
            guard let n = s.number else { continue }
            let restarts = last.map { n <= $0 } == true
            if s.isTitledItem {
                // A titled sub-clause (`1.  **Term.**`) inside clause 3, or indented under it, is part of it.
                if restarts || (last != nil && s.indent > lastIndent) { drop[i] = true } else { (last, lastIndent) = (n, s.indent) }
                continue
            }
            guard s.isListItem else { (last, lastIndent) = (n, 0); continue }
            if marked || s.isTight || restarts {
                drop[i] = true
            } else {
                (last, lastIndent) = (n, s.indent)
            }
        }
        return drop
    }

    /// What a found section and its raw line say (tightness is the caller's: it knows the neighbours).
    static func evidence(for section: Section, line: ArraySlice<Unicode.Scalar>) -> Evidence {
        let number = section.label.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(section.label.prefix(6)) : nil
        let isTitleHeading = number == nil && ClauseNumber.leading(in: String(section.title.prefix(ClauseNumber.longest))) == nil
        let isItem = number != nil && orderedItemNumber(line) != nil
        let titled = isItem && opensWithTitle(line)
        let indent = line.prefix { $0 == " " || $0 == "\t" }.count
        return Evidence(number: number, isListItem: isItem && !titled, isTitledItem: titled, indent: isItem ? indent : 0, isTitleHeading: isTitleHeading)
    }

    /// Whether an ordered-list item's text opens with a title of its own: bold (`2.  **Termination.**`)
    /// or another clause mark (`1.  I. Account Registration`, `1. A. Provide Our Services`). Such
    /// an item is a clause written as a list, not a sentence of one.
    static func opensWithTitle(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let dot = line.firstIndex(of: "."), let text = line[(dot + 1)...].firstIndex(where: { $0 != " " && $0 != "\t" }) else { return false }
        if line[text] == "*", text + 1 < line.endIndex, line[text + 1] == "*" { return true }
        var i = text
        while i < line.endIndex, i - text < 4, ("A"..."Z").contains(line[i]) { i += 1 }
        return i > text && i + 1 < line.endIndex && line[i] == "." && line[i + 1] == " "
    }

    /// The number of a Markdown ordered-list item line (`5. text`, `  12.  text`), else nil: digits,
    /// an unescaped dot, a space, then text.
    static func orderedItemNumber(_ line: ArraySlice<Unicode.Scalar>) -> Int? {
        var i = line.startIndex
        while i < line.endIndex, line[i] == " " || line[i] == "\t" { i += 1 }
        var value = 0
        var digits = 0
        while i < line.endIndex, ("0"..."9").contains(line[i]), digits < 4 {
            value = value * 10 + Int(line[i].value - 48)
            digits += 1
            i += 1
        }
        guard digits > 0, digits < 4, i < line.endIndex, line[i] == "." else { return nil }
        i += 1
        guard i < line.endIndex, line[i] == " " || line[i] == "\t" else { return nil }
        while i < line.endIndex, line[i] == " " || line[i] == "\t" { i += 1 }
        return i < line.endIndex ? value : nil
    }

    /// Whether a line is an item of a list: ordered (`5. text`) or bulleted (`* text`, `- text`, `+ text`).
    static func isListLine(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return false }
        let s = line[first]
        if s == "*" || s == "-" || s == "+" {
            let next = first + 1
            return next < line.endIndex && (line[next] == " " || line[next] == "\t")
        }
        return orderedItemNumber(line) != nil
    }
}
