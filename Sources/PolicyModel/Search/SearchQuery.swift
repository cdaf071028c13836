/// What to search and where, read from what a person types:
///
/// - words match whole words, the last one (still being typed) also the start of a word;
///   hyphens, slashes, apostrophes and spaces between words are all alike (`opt out` finds
///   `opt-out` and `opt‑out`); Chinese, Japanese and Korean text matches as any substring;
/// - `"…"` (straight or curly quotes) asks for exactly that phrase, whole words;
/// - `v:VENDOR`, `d:DOCUMENT`, `q:QUESTION` (quotes of that question), `lang:LANG` keep only
///   hits whose id starts with the value; `@all` searches every version, not only the newest.
public struct SearchQuery: Sendable, Hashable {
    public enum Scope: String, Sendable, CaseIterable { case quotes, documents, all }

    /// One word of the query, folded as texts are folded.
    public struct Word: Sendable, Hashable {
        /// The folded UTF-8 bytes.
        public var bytes: [UInt8]
        /// A CJK character (words of CJK text are single characters).
        public var isCJK: Bool
        /// May match the start of a longer word (the last word, as typed).
        public var prefix: Bool
        /// Must follow the previous word directly (inside a quoted phrase, or a run of CJK characters).
        public var joined: Bool
        /// What the query puts between this word and the previous one.
        var gap: Gap

        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// An id filter: exact (from a command-line flag) or by prefix (typed in the query).
    public struct Filter: Sendable, Hashable {
        public var value: String
        public var prefix: Bool

        public init(_ value: String, prefix: Bool = false) {
            self.value = value
            self.prefix = prefix
        }

        public func accepts(_ id: String?) -> Bool {
            guard let id else { return false }
            return prefix ? id.lowercased().hasPrefix(value) : id == value
        }
    }

    public var words: [Word] = []
    public var scope: Scope = .all
    public var vendor: Filter?
    public var document: Filter?
    public var surface: Filter?
    public var question: Filter?
    public var language: Filter?
    public var allVersions = false
    public var limit: Int?

    /// The words as folded text (what the query looks for).
    public var terms: [String] { words.map(\.text) }
    public var isEmpty: Bool { words.isEmpty }

    public init(_ text: String) {
        var tokenizer = Tokenizer()
        var chunks: [(text: String, quoted: Bool, closed: Bool)] = []
        var current = ""
        var quoted = false
        func flush(closed: Bool) {
            if !current.isEmpty || quoted { chunks.append((current, quoted, closed)) }
            current = ""
        }
        for ch in text {
            if ch == "\"" || ch == "“" || ch == "”" || ch == "„" {
                flush(closed: true)
                quoted.toggle()
            } else if !quoted && ch.isWhitespace {
                flush(closed: true)
            } else {
                current.append(ch)
            }
        }
        // An open quote or a last word with nothing after it is still being typed.
        flush(closed: false)
        let endsOpen = !(text.last.map { $0.isWhitespace || $0 == "\"" || $0 == "”" } ?? true)

        var line = TokenizedLine()
        // Filters may come anywhere: the last chunk of words is the one still being typed.
        var wordChunks: [(text: String, quoted: Bool, closed: Bool)] = []
        for chunk in chunks where chunk.quoted || !readFilter(chunk.text) { wordChunks.append(chunk) }
        for (n, chunk) in wordChunks.enumerated() {
            tokenizer.tokenize(scalars: Array(chunk.text.unicodeScalars), offsets: false, into: &line)
            let isLastChunk = n == wordChunks.count - 1
            for i in 0..<line.count {
                let gap: Gap = i == 0 ? .weak : line.gaps[i]
                let insidePhrase = chunk.quoted && i > 0
                let cjkRun = i > 0 && line.isCJK[i] && line.isCJK[i - 1] && line.gaps[i] == .none
                words.append(Word(bytes: Array(line.token(i)), isCJK: line.isCJK[i], prefix: false,
                                  joined: insidePhrase || cjkRun, gap: gap))
            }
            if isLastChunk, endsOpen, !(chunk.quoted && chunk.closed), let last = words.indices.last, !words[last].isCJK, line.count > 0 {
                words[last].prefix = true
            }
        }
        if let first = words.indices.first { words[first].joined = false }
    }

    /// `v:`, `d:`, `q:`, `lang:` and `@all`; a filter with no value yet is ignored.
    private mutating func readFilter(_ chunk: String) -> Bool {
        let lower = chunk.lowercased()
        if lower == "@all" {
            allVersions = true
            return true
        }
        for (key, path) in [("v:", \SearchQuery.vendor), ("d:", \.document), ("q:", \.question), ("lang:", \.language)]
        where lower.hasPrefix(key) {
            let value = String(lower.dropFirst(key.count))
            if !value.isEmpty { self[keyPath: path] = Filter(value, prefix: true) }
            return true
        }
        return false
    }
}
