import Foundation

/// A heading or numbered clause of a document version.
public struct Section: Sendable, Hashable {
    /// What people call it: a clause number (`4.3`, `（1）`, `一、`, `第四条`) or a heading's text.
    public var label: String
    /// The whole heading line, cleaned of markup (for outlines).
    public var title: String
    /// Outline depth, 1 = top.
    public var level: Int
    /// Offset in Unicode scalars of the line's start in the raw text.
    public var start: Int
    /// 1-based line number.
    public var line: Int
}

/// The sections of one text, in order, found from Markdown headings (ATX, setext, bold-only
/// lines) and clause numbers at the start of a line.
public struct SectionIndex: Sendable {
    public let sections: [Section]

    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    /// Sections known already (read back from the index cache).
    init(sections: [Section]) {
        self.sections = sections
    }

    public init(scalars raw: [Unicode.Scalar]) {
        var found: [Section] = []
        var ranges: [Range<Int>] = []
        var lineStart = 0
        for (i, s) in raw.enumerated() where s == "\n" {
            ranges.append(lineStart..<i)
            lineStart = i + 1
        }
        if lineStart < raw.count { ranges.append(lineStart..<raw.count) }
        var evidence: [ListItemRule.Evidence] = []
        for (n, range) in ranges.enumerated() {
            let underline = n + 1 < ranges.count ? Self.underline(raw[ranges[n + 1]]) : .none
            if let section = Self.lineSection(raw[range], underline: underline, start: range.lowerBound, line: n + 1) {
                found.append(section)
                var e = underline == .none ? ListItemRule.evidence(for: section, line: raw[range]) : ListItemRule.evidence(for: section, line: [])
                e.isTight = (n > 0 && ListItemRule.isListLine(raw[ranges[n - 1]])) || (n + 1 < ranges.count && ListItemRule.isListLine(raw[ranges[n + 1]]))
                evidence.append(e)
            }
        }
        let listItems = ListItemRule.listItems(evidence)
        sections = found.indices.filter { !listItems[$0] }.map { found[$0] }
    }

    /// Whether a line is all `=` or all `-` (a setext underline for the line above it).
    enum Underline: UInt8, Sendable {
        case none
        /// Only the marks and spaces, at least three marks, but spaces between them.
        case loose
        case equals, dashes
    }

    static func underline(_ line: ArraySlice<Unicode.Scalar>) -> Underline {
        guard let f = line.first(where: { !MarkupNormalizer.isSpace($0) }), f == "=" || f == "-" else { return .none }
        guard line.allSatisfy({ $0 == f || MarkupNormalizer.isSpace($0) }), line.filter({ $0 == f }).count >= 3 else { return .none }
        let trimmed = string(line).trimmingSpaces
        guard trimmed.count >= 3, trimmed.unicodeScalars.allSatisfy({ $0 == f }) else { return .loose }
        return f == "=" ? .equals : .dashes
    }

    /// The section a line opens, if any, given what the next line is; one line at a time, so
    /// that the search index can classify each distinct line once.
    static func lineSection(_ line: ArraySlice<Unicode.Scalar>, underline: Underline, start: Int, line number: Int) -> Section? {
        // Most lines cannot open a section, and are skipped without building strings (a first
        // scalar that no heading or clause number starts with).
        guard let firstIndex = line.firstIndex(where: { !MarkupNormalizer.isSpace($0) }) else { return nil }
        guard underline != .none || mayOpenSection(line, at: firstIndex, end: line.endIndex) else { return nil }
        // Only the start of a line decides (a bold heading is at most 160 characters long).
        let trimmed = string(line[line.startIndex..<min(line.endIndex, firstIndex + 300)]).trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        // Setext heading: the next line is all `=` or all `-`.
        if underline == .equals || underline == .dashes, !trimmed.hasPrefix("-"), !trimmed.hasPrefix("*") {
            return heading(trimmed, level: underline == .equals ? 1 : 2, start: start, line: number)
        }
        return classify(trimmed, start: start, line: number)
    }

    /// Whether a line whose first visible scalar is at `i` may open a section: a heading, a
    /// bold line, or a clause number (possibly after a list marker). Checked on scalars, so the
    /// many plain lines of a document cost no string work.
    static func mayOpenSection(_ raw: ArraySlice<Unicode.Scalar>, at i: Int, end: Int) -> Bool {
        let s = raw[i]
        switch s {
        case "#", "0"..."9", "(", "（", "第":
            return true
        case "S", "A":
            // Section / Article / SECTION / ARTICLE
            return i + 7 < end && (raw[i + 1] == "e" || raw[i + 1] == "r" || raw[i + 1] == "E" || raw[i + 1] == "R")
        case "*", "-", "+":
            if s == "*" && i + 1 < end && raw[i + 1] == "*" { return true } // a bold line
            // A list marker: what follows it must itself open a clause.
            var j = i + 1
            while j < end && MarkupNormalizer.isSpace(raw[j]) { j += 1 }
            guard j > i + 1, j < end else { return false }
            if raw[j] == "*" { return j + 1 < end && raw[j + 1] == "*" && j + 2 < end && isClauseStart(raw[j + 2]) }
            return isClauseStart(raw[j])
        default:
            return isChineseNumeral(s)
        }
    }

    static func isClauseStart(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "0"..."9", "(", "（", "第", "S", "A": return true
        default: return isChineseNumeral(s)
        }
    }

    static func isChineseNumeral(_ s: Unicode.Scalar) -> Bool {
        "一二三四五六七八九十百零〇两".unicodeScalars.contains(s)
    }

    /// The innermost section enclosing a raw offset.
    public func section(at offset: Int) -> Section? {
        var lo = 0
        var hi = sections.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sections[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? nil : sections[lo - 1]
    }

    /// The first section with this label, comparing `(1)` and `（1）` alike.
    public func section(labelled label: String) -> Section? {
        let wanted = Self.comparable(label)
        return sections.first { Self.comparable($0.label) == wanted }
            ?? sections.first { Self.comparable($0.title).hasPrefix(wanted) && !wanted.isEmpty }
    }

    static func comparable(_ label: String) -> String {
        var out = ""
        for ch in label.lowercased() {
            switch ch {
            case "（": out.append("(")
            case "）": out.append(")")
            case " ", "　": continue
            default: out.append(ch)
            }
        }
        while out.hasSuffix(".") || out.hasSuffix("、") { out.removeLast() }
        return out
    }

    private static func string(_ slice: ArraySlice<Unicode.Scalar>) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: slice)
        return String(s)
    }

    /// A heading without a number, as a label: whole up to 60 characters, else cut after its
    /// last whole word there, with `…` (never in the middle of a word, never with a trailing space).
    static func shortLabel(_ title: String) -> String {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 60 else { return trimmed }
        let cut = trimmed.prefix(60)
        let words = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        let kept = words.count >= 30 ? words : cut
        return kept.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: ",;:"))) + "…"
    }

    private static func heading(_ text: String, level: Int, start: Int, line: Int) -> Section {
        let title = cleanMarkup(text)
        let label = ClauseNumber.leading(in: title)?.label ?? shortLabel(title)
        return Section(label: label, title: String(title.prefix(200)), level: level, start: start, line: line)
    }

    private static func classify(_ trimmed: String, start: Int, line: Int) -> Section? {
        // ATX heading
        if trimmed.hasPrefix("#") {
            let hashes = trimmed.prefix { $0 == "#" }.count
            let rest = trimmed.dropFirst(hashes)
            if hashes <= 6, rest.isEmpty || rest.first == " " {
                var text = String(rest).trimmingSpaces
                while text.hasSuffix("#") { text.removeLast() }
                let cleaned = text.trimmingSpaces
                guard !cleaned.isEmpty else { return nil }
                return heading(cleaned, level: hashes, start: start, line: line)
            }
        }
        // A whole line in bold is a heading in scraped terms. (Lengths are tested by dropping
        // characters, which reads no further than the limit.)
        if trimmed.hasPrefix("**"), !trimmed.dropFirst(4).isEmpty {
            let body = trimmed.hasSuffix(":") ? String(trimmed.dropLast()) : trimmed
            if body.hasSuffix("**"), body.dropFirst(160).isEmpty, !body.dropFirst(2).dropLast(2).contains("**") {
                return heading(body, level: 3, start: start, line: line)
            }
        }
        // A clause number at the start of a line (after list markers and bold).
        var body = Substring(trimmed)
        if body.hasPrefix("* ") || body.hasPrefix("- ") || body.hasPrefix("+ ") { body = body.dropFirst(2).drop { $0 == " " } }
        let cleaned = cleanMarkup(String(body.prefix(240)))
        // A clause number is a few characters long: only the start of the line is read for it.
        guard let clause = ClauseNumber.leading(in: String(cleaned.prefix(ClauseNumber.longest))) else { return nil }
        // `1. item` lists are everywhere in Markdown: a bare number counts only as a short title
        // line, or when a bold title follows it (`2.  **Avoid high-risk activity.**  You must…`).
        if clause.isBareNumber && !cleaned.dropFirst(90).isEmpty && !Self.boldTitleFollowsNumber(body) { return nil }
        return Section(label: clause.label, title: String(cleaned.prefix(200)), level: clause.level, start: start, line: line)
    }

    /// `2.  **Title.**` or `2\.  **Title.**`: a number, its dot, spaces, then bold.
    static func boldTitleFollowsNumber(_ body: Substring) -> Bool {
        let rest = body.drop { $0.isASCII && $0.isNumber }
        guard rest.count < body.count else { return false }
        let afterDot = rest.hasPrefix("\\.") ? rest.dropFirst(2) : rest.hasPrefix(".") ? rest.dropFirst() : nil
        guard let afterDot, afterDot.first == " " else { return false }
        return afterDot.drop { $0 == " " }.hasPrefix("**")
    }

    static func cleanMarkup(_ text: String) -> String {
        let normalized = NormalizedText(text)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: normalized.scalars)
        return String(view)
    }
}

/// Clause numbers as they open a line: `4.3`, `4.`, `（1）`, `(a)`, `一、`, `第四条`, `Section 4.3`.
enum ClauseNumber {
    /// The most characters read for a clause number (`Section 12.3.4.5` and what follows it).
    static let longest = 80

    struct Match {
        var label: String
        var level: Int
        var isBareNumber: Bool
    }

    static func leading(in text: String) -> Match? {
        let chars = Array(text)
        guard let first = chars.first else { return nil }

        // Section 4.3 / Article 5
        for word in ["Section ", "Article ", "SECTION ", "ARTICLE "] where text.hasPrefix(word) {
            let rest = Array(text.dropFirst(word.count))
            if let (number, _) = dotted(rest, from: 0) { return Match(label: number, level: 2 + number.filter { $0 == "." }.count, isBareNumber: false) }
        }
        // 第四条 / 第12章
        if first == "第" {
            var i = 1
            while i < chars.count, isChineseNumeral(chars[i]) || chars[i].isASCII && chars[i].isNumber { i += 1 }
            if i > 1, i < chars.count, "条章节部款".contains(chars[i]) {
                return Match(label: String(chars[0...i]), level: chars[i] == "条" ? 2 : 1, isBareNumber: false)
            }
        }
        // 一、
        if isChineseNumeral(first) {
            var i = 0
            while i < chars.count, isChineseNumeral(chars[i]) { i += 1 }
            if i < chars.count, chars[i] == "、" { return Match(label: String(chars[0...i]), level: 1, isBareNumber: false) }
        }
        // （1） (1) (a) (iv)
        if first == "（" || first == "(" {
            let close: Character = first == "（" ? "）" : ")"
            var i = 1
            while i < chars.count, i <= 5, chars[i] != close { i += 1 }
            if i < chars.count, chars[i] == close, i > 1 {
                let inner = chars[1..<i]
                if inner.allSatisfy({ ($0.isASCII && ($0.isNumber || $0.isLetter)) || isChineseNumeral($0) }) {
                    return Match(label: String(chars[0...i]), level: 4, isBareNumber: false)
                }
            }
        }
        // 4.3 / 4.3.1 / 4. / 4
        if first.isASCII, first.isNumber, let (number, end) = dotted(chars, from: 0) {
            let dots = number.filter { $0 == "." }.count
            if dots > 0 { return Match(label: number, level: 2 + dots, isBareNumber: false) }
            // A bare number must be followed by `.` or `、` (not a year or an amount).
            if end < chars.count, chars[end] == "." || chars[end] == "、" || chars[end] == "．" {
                let after = end + 1 < chars.count ? chars[end + 1] : " "
                if !(after.isASCII && after.isNumber) {
                    return Match(label: number, level: 2, isBareNumber: true)
                }
            }
        }
        return nil
    }

    /// Reads `4`, `4.3`, `4.3.1` from `from`, ending before a trailing dot; requires a separator after it.
    private static func dotted(_ chars: [Character], from: Int) -> (String, Int)? {
        var i = from
        var out = ""
        var groups = 0
        while i < chars.count {
            var digits = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber, digits.count < 4 { digits.append(chars[i]); i += 1 }
            if digits.isEmpty { break }
            if i < chars.count, chars[i].isASCII, chars[i].isNumber { return nil }
            out += (groups > 0 ? "." : "") + digits
            groups += 1
            if i + 1 < chars.count, chars[i] == ".", chars[i + 1].isASCII, chars[i + 1].isNumber { i += 1; continue }
            break
        }
        guard groups > 0 else { return nil }
        // What follows must end the number: space, dot, 、, a CJK character, or the end.
        if i < chars.count {
            let next = chars[i]
            if next.isASCII && next.isLetter { return nil }
            if next == "%" || next == "," || next == ":" { return nil }
        }
        return (out, i)
    }

    static func isChineseNumeral(_ c: Character) -> Bool {
        "一二三四五六七八九十百零〇两".contains(c)
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !MarkupNormalizer.isSpace($0) }),
              let last = scalars.lastIndex(where: { !MarkupNormalizer.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
