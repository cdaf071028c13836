/// The UI languages termlens speaks.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en, zh

    /// Picks the language from POSIX locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    public static func fromEnvironment(_ env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}

/// Text given either once or per language (`{en: …, zh: …}` in the data files).
public struct LocalizedText: Sendable, Hashable, Codable {
    public var en: String?
    public var zh: String?

    public init(en: String? = nil, zh: String? = nil) {
        self.en = en
        self.zh = zh
    }

    public init(_ plain: String) {
        self.en = plain
        self.zh = nil
    }

    /// The text in `language`, falling back to the other one.
    public func text(_ language: Language = .en) -> String {
        switch language {
        case .en: return en ?? zh ?? ""
        case .zh: return zh ?? en ?? ""
        }
    }

    public var isEmpty: Bool { (en ?? "").isEmpty && (zh ?? "").isEmpty }
}
