/// A scalar of a line's canonical form and the raw range it stands for.
struct CanonicalScalar {
    var scalar: Unicode.Scalar
    var start: Int
    var end: Int
}

/// What a version diff ignores unless `--raw` (README, "Version diffs"): the line's canonical
/// form drops list markers, heading and quote markers, rule and table-separator lines,
/// emphasis (`*`, `_`), backslash escapes, link syntax with the link's target (`[text](url)`
/// → `text`), invisible format characters, tracking parameters (and UUID-valued parameters)
/// in bare URLs, writes dates as `YYYY-MM-DD` and how old the page says it is ("Updated: 3 days
/// ago", `RelativeAge`) as `ago`. Whitespace is dropped later, by the tokenizer.
enum NoiseFilter {
    /// Query parameters that only track the reader (removed from links).
    static let trackingExact: Set<String> = [
        "gclid", "gclsrc", "dclid", "fbclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "li_fat_id", "ref_src", "s_kwcid", "ef_id", "wickedid",
        "oly_anon_id", "oly_enc_id", "vero_id", "_branch_match_id",
    ]
    static let trackingPrefixes = ["utm_", "hsa_", "pk_", "mtm_"]

    static func isTracking(_ name: String) -> Bool {
        let lower = name.lowercased()
        return trackingExact.contains(lower) || trackingPrefixes.contains { lower.hasPrefix($0) }
    }

    /// The canonical form of one line `raw[lo..<hi]`.
    static func canonicalLine(_ raw: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> [CanonicalScalar] {
        var i = lo
        skipSpaces(raw, &i, hi)
        // Quote markers, heading hashes, list bullets.
        while i < hi, raw[i] == ">" { i += 1; skipSpaces(raw, &i, hi) }
        if i < hi, raw[i] == "#" {
            var j = i
            while j < hi, raw[j] == "#" { j += 1 }
            if j == hi || MarkupNormalizer.isSpace(raw[j]) { i = j; skipSpaces(raw, &i, hi) }
        }
        if i + 1 < hi, "*-+•·".unicodeScalars.contains(raw[i]), MarkupNormalizer.isSpace(raw[i + 1]) {
            i += 1
            skipSpaces(raw, &i, hi)
        }
        if isRuleLine(raw, i, hi) { return [] }

        var out: [CanonicalScalar] = []
        out.reserveCapacity(hi - i)
        let mayHaveAge = RelativeAge.mayOccur(raw, i, hi)
        while i < hi {
            let s = raw[i]
            // Chinese has no spaces between words: an age may follow any CJK character.
            if mayHaveAge, i == lo || !raw[i - 1].isASCII || !DateCanonicalizer.isAlnum(raw[i - 1]),
               let age = RelativeAge.match(raw, at: i, lineStart: lo, end: hi) {
                for scalar in "ago".unicodeScalars { out.append(CanonicalScalar(scalar: scalar, start: i, end: i + age)) }
                i += age
                continue
            }
            if (s == "h" || s == "H"), let end = urlEnd(raw, i, hi) {
                appendURL(raw, i, end, into: &out)
                i = end
                continue
            }
            if DateCanonicalizer.isDigit(s) || DateCanonicalizer.isLetter(s),
               i == lo || !DateCanonicalizer.isAlnum(raw[i - 1]),
               let date = DateCanonicalizer.match(raw, at: i, end: hi) {
                for scalar in date.iso.unicodeScalars { out.append(CanonicalScalar(scalar: scalar, start: i, end: i + date.length)) }
                i += date.length
                continue
            }
            switch s {
            case "*", "[":
                i += 1
                continue
            case "]":
                // A link's target is markup: `[text](url)` compares as `text`.
                i = i + 1 < hi && raw[i + 1] == "(" ? linkTargetEnd(raw, i + 1, hi) : i + 1
                continue
            case "\u{AD}", "\u{200B}"..."\u{200F}", "\u{2060}"..."\u{2064}", "\u{FEFF}":
                // Invisible format characters (soft hyphen, zero-width space and joiners, word joiner).
                i += 1
                continue
            case "_":
                let between = i > lo && i + 1 < hi && DateCanonicalizer.isAlnum(raw[i - 1]) && DateCanonicalizer.isAlnum(raw[i + 1])
                if !between { i += 1; continue }
            case "\\":
                if i + 1 < hi, raw[i + 1].isASCII, raw[i + 1].properties.isPatternSyntax { i += 1; continue }
            default:
                break
            }
            out.append(CanonicalScalar(scalar: s, start: i, end: i + 1))
            i += 1
        }
        return out
    }

    /// The raw form: every scalar as written.
    static func rawLine(_ raw: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> [CanonicalScalar] {
        (lo..<hi).map { CanonicalScalar(scalar: raw[$0], start: $0, end: $0 + 1) }
    }

    /// A line of rule or table-separator characters only (`---`, `===`, `* * *`, `|---|:--|`).
    static func isRuleLine(_ raw: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Bool {
        var marks = 0
        for i in lo..<max(lo, hi) {
            let s = raw[i]
            if MarkupNormalizer.isSpace(s) { continue }
            guard "-=*_|:".unicodeScalars.contains(s) else { return false }
            marks += 1
        }
        return marks >= 3
    }

    private static func skipSpaces(_ raw: [Unicode.Scalar], _ i: inout Int, _ hi: Int) {
        while i < hi, MarkupNormalizer.isSpace(raw[i]) { i += 1 }
    }

    /// After `(` at `open`: the index past its matching `)` on this line, or `open` when there is none.
    private static func linkTargetEnd(_ raw: [Unicode.Scalar], _ open: Int, _ hi: Int) -> Int {
        var depth = 0
        var k = open
        while k < hi {
            if raw[k] == "(" { depth += 1 }
            if raw[k] == ")" {
                depth -= 1
                if depth == 0 { return k + 1 }
            }
            k += 1
        }
        return open
    }

    /// A parameter value that is a UUID (a session or click id, different on every visit).
    static func isIdentifier(_ value: ArraySlice<Unicode.Scalar>) -> Bool {
        let groups = value.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.properties.isASCIIHexDigit } }
    }

    /// The end of an `http://` or `https://` URL starting at `i`.
    private static func urlEnd(_ raw: [Unicode.Scalar], _ i: Int, _ hi: Int) -> Int? {
        let prefix = Array("http".unicodeScalars)
        guard i + 7 < hi else { return nil }
        for (k, p) in prefix.enumerated() where raw[i + k].properties.lowercaseMapping != String(p) { return nil }
        var j = i + 4
        if raw[j] == "s" || raw[j] == "S" { j += 1 }
        guard j + 3 <= hi, raw[j] == ":", raw[j + 1] == "/", raw[j + 2] == "/" else { return nil }
        j += 3
        while j < hi {
            let c = raw[j]
            if MarkupNormalizer.isSpace(c) || c == ")" || c == ">" || c == "]" || c == "\"" || c == "<" { break }
            j += 1
        }
        return j
    }

    /// Copies a URL without its tracking parameters (and without `?` when none is left).
    private static func appendURL(_ raw: [Unicode.Scalar], _ lo: Int, _ hi: Int, into out: inout [CanonicalScalar]) {
        guard let q = (lo..<hi).first(where: { raw[$0] == "?" }) else {
            for k in lo..<hi { out.append(CanonicalScalar(scalar: raw[k], start: k, end: k + 1)) }
            return
        }
        let fragment = (q..<hi).first { raw[$0] == "#" } ?? hi
        for k in lo..<q { out.append(CanonicalScalar(scalar: raw[k], start: k, end: k + 1)) }
        var kept: [(Int, Int)] = []
        var start = q + 1
        var k = q + 1
        while k <= fragment {
            if k == fragment || raw[k] == "&" {
                if k > start {
                    let eq = (start..<k).first { raw[$0] == "=" } ?? k
                    var nameString = String(String.UnicodeScalarView(raw[start..<eq]))
                    if nameString.hasPrefix("amp;") { nameString.removeFirst(4) }
                    if !isTracking(nameString) && !(eq < k && isIdentifier(raw[(eq + 1)..<k])) { kept.append((start, k)) }
                }
                start = k + 1
            }
            k += 1
        }
        if !kept.isEmpty {
            out.append(CanonicalScalar(scalar: "?", start: q, end: q + 1))
            for (n, range) in kept.enumerated() {
                if n > 0 { out.append(CanonicalScalar(scalar: "&", start: range.0 - 1, end: range.0)) }
                for p in range.0..<range.1 { out.append(CanonicalScalar(scalar: raw[p], start: p, end: p + 1)) }
            }
        }
        for p in fragment..<hi { out.append(CanonicalScalar(scalar: raw[p], start: p, end: p + 1)) }
    }
}
