/// How a clause is numbered, in a form two languages share: `4.3` and `4.3`, `第四条` and `4.`,
/// `一、` and `1.`, `（1）` and `(1)` (numbered items belong to the clause above them).
public enum ClauseKey: Sendable, Hashable, CustomStringConvertible {
    /// `4.3` → [4, 3]; `4.`, `第四条`, `一、` → [4].
    case number([Int])
    /// `(1)`, `（一）`, `(a)` under the numbered clause `parent`.
    case item(parent: [Int], label: String)

    public var description: String {
        switch self {
        case .number(let n): return n.map(String.init).joined(separator: ".")
        case .item(let parent, let label): return (parent.isEmpty ? "" : parent.map(String.init).joined(separator: ".") + " ") + "(\(label))"
        }
    }

    /// Which clauses may face each other by order when they have no number in common.
    enum Tier: Hashable { case top, clause, item }

    var tier: Tier {
        switch self {
        case .number(let n): return n.count <= 1 ? .top : .clause
        case .item: return .item
        }
    }

    /// The key of a section label, given the numbered clause it sits in.
    static func parse(_ label: String, parent: [Int]) -> ClauseKey? {
        let chars = Array(label)
        guard let first = chars.first, let last = chars.last else { return nil }
        if first == "(" || first == "（" {
            guard last == ")" || last == "）", chars.count > 2 else { return nil }
            let inner = String(chars.dropFirst().dropLast())
            let normalized = chineseNumber(inner).map(String.init) ?? Int(inner).map(String.init) ?? inner.lowercased()
            return .item(parent: parent, label: normalized)
        }
        if first == "第" {
            guard "条章节部款".contains(last) else { return nil }
            let inner = String(chars.dropFirst().dropLast())
            guard let n = Int(inner) ?? chineseNumber(inner) else { return nil }
            return .number([n])
        }
        if ClauseNumber.isChineseNumeral(first) {
            guard last == "、", let n = chineseNumber(String(chars.prefix { ClauseNumber.isChineseNumeral($0) })) else { return nil }
            return .number([n])
        }
        guard label.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }) else { return nil }
        let parts = label.split(separator: ".").compactMap { Int($0) }
        return parts.isEmpty ? nil : .number(parts)
    }

    /// `四` → 4, `十二` → 12, `二十` → 20, `一百零五` → 105.
    static func chineseNumber(_ text: String) -> Int? {
        let digits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        guard !text.isEmpty else { return nil }
        var total = 0
        var current = 0
        for ch in text {
            if let d = digits[ch] {
                current = d
            } else if ch == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if ch == "百" {
                total += (current == 0 ? 1 : current) * 100
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }
}

/// A clause of a document version: from one section start to the next.
public struct Clause: Sendable, Hashable {
    /// The section label (`4.3`, `（1）`, a heading), or nil for text before the first section.
    public var section: String?
    public var title: String?
    public var key: ClauseKey?
    /// Raw offsets in Unicode scalars of the version text.
    public var start: Int
    public var end: Int
    public var text: String
    /// The verdicts whose quotes fall in this clause.
    public var quotedBy: [VerdictRef] = []

    var tier: ClauseKey.Tier { key?.tier ?? .top }
}

/// Names one verdict: `vendor/surface/question`.
public struct VerdictRef: Sendable, Hashable, CustomStringConvertible {
    public var vendor: String
    public var surface: String
    public var question: String
    public var description: String { "\(vendor)/\(surface)/\(question)" }

    public init(vendor: String, surface: String, question: String) {
        self.vendor = vendor
        self.surface = surface
        self.question = question
    }
}

public enum ClauseSplitter {
    /// The clauses of a version text, in order. Text before the first section is a clause
    /// with no section when it holds anything.
    public static func clauses(of text: PreparedText) -> [Clause] {
        var out: [Clause] = []
        let sections = text.sections.sections
        let firstStart = sections.first?.start ?? text.raw.count
        let lead = text.text(0, firstStart).trimmingSpaces
        if !lead.isEmpty {
            out.append(Clause(section: nil, title: nil, key: nil, start: 0, end: firstStart, text: lead))
        }
        var parent: [Int] = []
        for (i, section) in sections.enumerated() {
            let end = i + 1 < sections.count ? sections[i + 1].start : text.raw.count
            let key = ClauseKey.parse(section.label, parent: parent)
            if case .number(let n)? = key { parent = n }
            out.append(Clause(section: section.label, title: section.title, key: key, start: section.start, end: end,
                              text: text.text(section.start, end).trimmingSpaces))
        }
        return out
    }
}
