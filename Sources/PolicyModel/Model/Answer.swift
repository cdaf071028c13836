/// A verdict's answer. `silent` (the documents say nothing) is never the same as `no`.
public enum Answer: String, Sendable, CaseIterable, Codable {
    case yes
    case no
    case conditional
    case silent
    case notApplicable = "not-applicable"
    case unknown

    /// A symbol that carries the answer without colour.
    public var symbol: String {
        switch self {
        case .yes: return "✓"
        case .no: return "✗"
        case .conditional: return "◐"
        case .silent: return "∅"
        case .notApplicable: return "–"
        case .unknown: return "?"
        }
    }

    /// A short word for narrow cells and plain text.
    public func word(_ language: Language = .en) -> String {
        switch (self, language) {
        case (.yes, .en): return "yes"
        case (.no, .en): return "no"
        case (.conditional, .en): return "conditional"
        case (.silent, .en): return "silent"
        case (.notApplicable, .en): return "n/a"
        case (.unknown, .en): return "unknown"
        case (.yes, .zh): return "是"
        case (.no, .zh): return "否"
        case (.conditional, .zh): return "有条件"
        case (.silent, .zh): return "未提及"
        case (.notApplicable, .zh): return "不适用"
        case (.unknown, .zh): return "未知"
        }
    }

    /// Answers that need no evidence.
    public var needsEvidence: Bool {
        switch self {
        case .yes, .no, .conditional: return true
        case .silent, .notApplicable, .unknown: return false
        }
    }
}
