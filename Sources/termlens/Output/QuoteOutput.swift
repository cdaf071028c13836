import PolicyModel

/// What `termlens quote` prints: an evidence entry in the verdicts.yaml shape, or the nearest passage.
enum QuoteOutput {
    static func entry(_ found: QuoteFinder.Found, quote: String, doc: PolicyDocument, version: DocumentVersion) -> String {
        var lines = ["# \(doc.ref)@\(version.date)" + (found.anchor.section.map { " §\($0)" } ?? "")
                     + ", scalars \(found.anchor.start)–\(found.anchor.end)"
                     + (found.occurrences > 1 ? "; occurs \(found.occurrences) times (--occurrence N picks another)" : "")]
        lines.append("      - document: \(doc.id)")
        lines.append("        version: \(version.date)")
        lines.append("        quote: \(yamlQuoted(quote))")
        if let prefix = found.prefix { lines.append("        prefix: \(yamlQuoted(prefix))") }
        if let suffix = found.suffix { lines.append("        suffix: \(yamlQuoted(suffix))") }
        lines.append("        note: \"\"")
        return lines.joined(separator: "\n")
    }

    static func near(_ near: QuoteFinder.Near, quote: String, in where_: String, elsewhere: [String]) -> String {
        var lines = ["Not found in \(where_)."]
        let percent = Int((near.similarity * 100).rounded(.down))
        lines.append("Nearest passage" + (near.anchor.section.map { " (§\($0))" } ?? "") + ", \(percent)% similar, scalars \(near.anchor.start)–\(near.anchor.end):")
        lines.append("  " + near.text.split(whereSeparator: \.isNewline).joined(separator: " "))
        switch (near.expected, near.found) {
        case (let e?, let f?):
            lines.append("First difference at character \(near.offset + 1) of the quote: the quote has \(QuoteFinder.describe(e)), the text has \(QuoteFinder.describe(f)).")
        case (nil, _):
            lines.append("The quote matches up to its end; the passage goes on.")
        case (_?, nil):
            lines.append("The text ends at character \(near.offset + 1) of the quote.")
        }
        if !elsewhere.isEmpty { lines.append("Found exactly in: \(elsewhere.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }

    static func foundJSON(_ found: QuoteFinder.Found, quote: String, doc: PolicyDocument, version: DocumentVersion) -> JSONValue {
        var evidence: [(String, JSONValue)] = [
            ("document", .string(doc.ref)), ("version", .string(version.date.description)), ("quote", .string(quote)),
            ("section", .optional(found.anchor.section)), ("start", .int(found.anchor.start)), ("end", .int(found.anchor.end)),
        ]
        if let prefix = found.prefix { evidence.append(("prefix", .string(prefix))) }
        if let suffix = found.suffix { evidence.append(("suffix", .string(suffix))) }
        return .object([("found", .bool(true)), ("occurrences", .int(found.occurrences)), ("evidence", .object(evidence))])
    }

    static func nearJSON(_ near: QuoteFinder.Near, elsewhere: [String]) -> JSONValue {
        .object([
            ("found", .bool(false)),
            ("nearest", .object([("text", .string(near.text)), ("section", .optional(near.anchor.section)),
                                 ("start", .int(near.anchor.start)), ("end", .int(near.anchor.end)),
                                 ("similarity", .double((near.similarity * 1000).rounded() / 1000))])),
            ("first_difference", .object([("offset", .int(near.offset)),
                                          ("expected", .optional(near.expected.map { String($0) })),
                                          ("found", .optional(near.found.map { String($0) }))])),
            ("exact_elsewhere", .array(elsewhere.map(JSONValue.string))),
        ])
    }

    /// A YAML double-quoted scalar.
    static func yamlQuoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
