import Yams

/// Reads one YAML mapping with a fixed set of allowed keys: typos and unknown keys are errors.
struct MappingReader {
    let node: Node
    let file: YAMLFile
    let what: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let allowed: Set<String>

    /// `nil` (with an error recorded) when `node` is not a mapping.
    init?(_ node: Node, file: YAMLFile, what: String, allowed: [String]) {
        guard case .mapping(let mapping) = node else {
            file.error(node, "\(what) must be a mapping (key: value), found \(node.kindName)")
            return nil
        }
        self.node = node
        self.file = file
        self.what = what
        self.allowed = Set(allowed)
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                file.error(key, "keys of \(what) must be plain names")
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        self.pairs = pairs
        for pair in pairs where !self.allowed.contains(pair.0) {
            let hint = Suggestion.hint(pair.0, in: allowed)
            file.error(pair.1, "unknown key `\(pair.0)` in \(what)\(hint); allowed: \(allowed.joined(separator: ", "))")
        }
    }

    var location: SourceLocation { file.location(node) }

    func value(_ key: String) -> Node? {
        guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
        // An empty or null plain scalar (`key:`, `key: ~`, `key: null`) counts as missing.
        if case .scalar(let scalar) = pair.value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return pair.value
    }

    func missing(_ key: String) {
        file.error(node, "\(what) is missing required key `\(key)`")
    }

    /// A text value. Numbers and dates written unquoted are read as they are written.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            file.error(value, "`\(key)` of \(what) must be text, found \(value.kindName)")
            return nil
        }
        return scalar.string
    }

    /// Either a string or `{en: …, zh: …}`.
    func localized(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        switch value {
        case .scalar(let scalar):
            return LocalizedText(scalar.string)
        case .mapping:
            guard let inner = MappingReader(value, file: file, what: "`\(key)`", allowed: ["en", "zh"]) else { return nil }
            let text = LocalizedText(en: inner.string("en"), zh: inner.string("zh"))
            if text.isEmpty {
                file.error(value, "`\(key)` of \(what) needs `en` or `zh` text")
                return nil
            }
            return text
        default:
            file.error(value, "`\(key)` of \(what) must be text or {en: …, zh: …}, found \(value.kindName)")
            return nil
        }
    }

    func date(_ key: String, required: Bool = false) -> SimpleDate? {
        guard let text = string(key, required: required), let node = value(key) else { return nil }
        guard let date = SimpleDate(text) else {
            file.error(node, "`\(key)` of \(what) must be a real date written YYYY-MM-DD, found `\(text)`")
            return nil
        }
        return date
    }

    /// A list of mappings or scalars.
    func sequence(_ key: String, required: Bool = false) -> [Node]? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        guard case .sequence(let seq) = value else {
            file.error(value, "`\(key)` of \(what) must be a list, found \(value.kindName)")
            return nil
        }
        return Array(seq)
    }

    /// A list of texts; a single text is accepted as a list of one.
    func stringList(_ key: String, required: Bool = false) -> [String]? {
        guard let value = value(key) else {
            if required { missing(key) }
            return nil
        }
        if case .scalar(let scalar) = value { return [scalar.string] }
        guard case .sequence(let seq) = value else {
            file.error(value, "`\(key)` of \(what) must be a list of names, found \(value.kindName)")
            return nil
        }
        var out: [String] = []
        for item in seq {
            guard case .scalar(let scalar) = item else {
                file.error(item, "items of `\(key)` must be names, found \(item.kindName)")
                continue
            }
            out.append(scalar.string)
        }
        return out
    }
}
