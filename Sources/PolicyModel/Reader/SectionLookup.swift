import Foundation

/// "Go to a clause": `:4.3`, `:第四条`, `:retention` in the reader and the comparisons.
extension SectionIndex {
    /// Sections matching what was typed, best first: the label exactly (`4.3`, `（1）` = `(1)`),
    /// the same clause number written another way (`第四条` = `4.`), a label that starts with it (`4` → `4.1`, `4.2`), then titles that start with it, then
    /// titles that contain it (case-insensitive). At most `limit`, in document order within a rank.
    public func matches(_ query: String, limit: Int = 20) -> [Section] {
        let wanted = Self.comparable(query)
        guard !wanted.isEmpty else { return [] }
        // A clause number is looked up among numbers only (`4` must not find "41. …" by its title).
        let numeric = wanted.allSatisfy { $0.isNumber || $0 == "." }
        // `第四条`, `四、` and `4` name the same clause, whichever way the document numbers it.
        let wantedNumber = Self.clauseNumber(query)
        var ranked: [(rank: Int, index: Int)] = []
        for (i, section) in sections.enumerated() {
            let label = Self.comparable(section.label)
            let title = Self.comparable(section.title)
            let rank: Int
            if label == wanted { rank = 0 }
            else if wantedNumber != nil && Self.clauseNumber(section.label) == wantedNumber { rank = 1 }
            else if label.hasPrefix(wanted) && Self.continuesNumber(label, after: wanted) { rank = 2 }
            else if !numeric && title.hasPrefix(wanted) { rank = 3 }
            else if !numeric && title.contains(wanted) { rank = 4 }
            else { continue }
            ranked.append((rank, i))
        }
        return ranked.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.prefix(limit).map { sections[$0.index] }
    }

    /// The completion of a partly typed title or number: the longest text all matches share.
    public func completion(of query: String) -> String? {
        let found = matches(query, limit: 50)
        guard let first = found.first else { return nil }
        let candidates = found.map { Self.comparable($0.label).hasPrefix(Self.comparable(query)) ? $0.label : $0.title }
        var common = Array(candidates[0])
        for c in candidates.dropFirst() {
            let chars = Array(c)
            var k = 0
            while k < common.count && k < chars.count && String(common[k]).lowercased() == String(chars[k]).lowercased() { k += 1 }
            common = Array(common.prefix(k))
        }
        let text = String(common)
        return text.count > query.count ? text : (found.count == 1 ? (candidates.first ?? first.label) : nil)
    }

    /// A numbered clause's number as digits (`第四条` → `4`, `四、` → `4`, `4.3.` → `4.3`), else nil.
    static func clauseNumber(_ label: String) -> String? {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        guard case .number(let parts)? = ClauseKey.parse(trimmed, parent: []) else { return nil }
        return parts.map(String.init).joined(separator: ".")
    }

    /// `4.3` continues `4` (next is `.`), `41` does not.
    static func continuesNumber(_ label: String, after prefix: String) -> Bool {
        guard let last = prefix.last, last.isNumber else { return true }
        let rest = label.dropFirst(prefix.count)
        guard let next = rest.first else { return true }
        return !next.isNumber
    }
}

extension Catalog {
    /// Documents of the same vendor and terms type in another language (DeepSeek's 用户协议 for
    /// its Terms of Use), for reading one beside the other.
    public func counterparts(of doc: PolicyDocument) -> [PolicyDocument] {
        guard let vendor = vendor(doc.vendor) else { return [] }
        return vendor.documents.filter { $0.id != doc.id && $0.type == doc.type && $0.language != doc.language && $0.role == .primary }
    }
}
