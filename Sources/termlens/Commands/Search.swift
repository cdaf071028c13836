import ArgumentParser
import BundledData
import Foundation
import PolicyModel
import TextCells

/// One search, as the command line asked for it (parsed by ArgumentParser, or by `FastSearchArguments`).
private extension SearchIndex.Unit {
    var vendorID: String? { vendor }
    var documentID: String? { document }
}

/// What a search found on the index, before anything is printed.
private struct Found: Sendable {
    /// The hits, for JSON; for text, `lines` holds them as printed (made by the describing
    /// threads) and `count` says how many.
    var hits: [SearchHit]
    var lines: [String]
    var count: Int
    /// The index searched, kept to the end of the run (see `SearchRequest.run`).
    var index: SearchIndex
    var vendorIndexed: Bool
    var unmatchedFilters: [String]
}

struct SearchRequest {
    var query: [String]
    var scope = "all"
    var vendor: String?
    var surface: String?
    var question: String?
    var limit: Int?
    var allVersions = false
    var json = false
    var global = GlobalSettings()

    /// Filters typed in the query that no indexed id starts with (a typo, most likely).
    static func unmatchedFilters(_ q: SearchQuery, _ index: SearchIndex) -> [String] {
        let filters: [(String, SearchQuery.Filter?, KeyPath<SearchIndex.Unit, String?>)] = [
            ("vendor", q.vendor, \.vendorID), ("document", q.document, \.documentID), ("question", q.question, \.question), ("language", q.language, \.language),
        ]
        return filters.compactMap { name, filter, path in
            guard let filter, filter.prefix, !index.units.contains(where: { filter.accepts($0[keyPath: path]) }) else { return nil }
            return "no \(name) id starts with `\(filter.value)`"
        }
    }

    func run() throws {
        var q = SearchQuery(query.joined(separator: " "))
        guard !q.isEmpty else { throw TermlensExit.usage("search needs a query") }
        q.scope = SearchQuery.Scope(rawValue: scope) ?? .all
        // Flags name ids exactly; they win over the same filter typed in the query.
        if let vendor { q.vendor = .init(vendor) }
        if let surface { q.surface = .init(surface) }
        if let question { q.question = .init(question) }
        q.limit = limit
        if allVersions { q.allVersions = true }
        let query = q
        let style = TextStyle(enabled: !global.noColor && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty && isatty(STDOUT_FILENO) == 1)
        let json = self.json
        // Runs on the index, and may run twice (see SearchIndexStore.withIndex): it only computes.
        let found = try SearchIndexStore.withIndex(global) { index in
            let m = index.matches(query, limit: limit ?? .max)
            Timings.mark("\(m.count) matched")
            let hits = json ? HitDescriber.describe(m, index: index) : []
            let lines = json ? [] : HitDescriber.describe(m, index: index, lines: { Search.line($0, style: style) })
            Timings.mark("described")
            return Found(hits: hits, lines: lines, count: m.count, index: index,
                         vendorIndexed: vendor.map { v in index.units.contains { $0.vendor == v } } ?? true,
                         unmatchedFilters: m.isEmpty ? Self.unmatchedFilters(query, index) : [])
        }
        if let vendor, !found.vendorIndexed {
            let app = AppContext.load(global)
            _ = try app.catalog.lookUpVendor(vendor).orExit()
        }
        let hits = found.hits
        if json {
            Console.out(JSONValue.array(hits.map(Search.json)).rendered())
        } else {
            for line in found.lines { Console.out(line) }
            if found.count == 0 && SearchIndexStore.sourceRoots(global).isEmpty && q.scope != .quotes {
                Console.error("termlens: no match; document texts are not loaded (add --sources DIR)")
            }
            for note in found.unmatchedFilters { Console.error("termlens: " + note) }
        }
        Console.flush()
        // Done: the process ends here and the system takes back its memory at once (freeing the
        // index and thousands of lines piece by piece first would take milliseconds).
        withExtendedLifetime(found) {
            Timings.mark("printed")
            exit(found.count == 0 ? TermlensExit.noResult.code : 0)
        }
    }

}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search quotes and document texts, best matches first (case, width and markup folded; any Chinese substring).",
        discussion: """
            Every word must occur (in one quote, or one line of a document) as a word; the last may be the start of one. \
            Hyphens, slashes and spaces between words are alike. Ranked: the exact phrase, the words in order close \
            together, the words anywhere in the line, then matches of the last word's start; ties go to quotes and \
            analysed documents, then the newest. "a quoted phrase" asks for exactly that phrase. In the query: \
            v:VENDOR d:DOCUMENT q:QUESTION lang:LANG keep ids starting so; @all searches every version.
            Examples:
              termlens search "improve the model" --sources ../shared/ota/sample
              termlens search opt out v:openai --sources ../shared/ota/sample
              termlens search 训练 --vendor deepseek --json
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What to find.") var query: [String]
    @Option(help: "quotes, documents or all.") var scope: String = "all"
    @Option(help: "Only this vendor.") var vendor: String?
    @Option(help: "Only quotes of this surface.") var surface: String?
    @Option(help: "Only quotes of this question.") var question: String?
    @Option(help: "At most this many hits.") var limit: Int?
    @Flag(help: "Search every loaded version, not only the newest.") var allVersions = false
    @Flag(help: "Print JSON (shapes in README).") var json = false

    func validate() throws {
        guard SearchQuery.Scope(rawValue: scope) != nil else { throw ValidationError("--scope takes quotes, documents or all") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try SearchRequest(query: query, scope: scope, vendor: vendor, surface: surface, question: question, limit: limit,
                          allVersions: allVersions, json: json, global: GlobalSettings(global)).run()
    }

    /// A hit as a line of text output: where it is, what it is, the snippet.
    static func line(_ hit: SearchHit, style: TextStyle) -> String {
        let label = hit.quoteLabel.map { " [" + $0 + "]" } ?? ""
        let snippet = highlight(hit, style: style)
        if style.enabled { return style.path(hit.place + label) + ": " + snippet }
        var line = ""
        hit.appendPlace(to: &line, reserving: label.utf8.count + 2 + snippet.utf8.count)
        line.append(label)
        line.append(": ")
        line.append(snippet)
        return line
    }

    /// The snippet with every matched word highlighted (and anything unsafe made visible).
    static func highlight(_ hit: SearchHit, style: TextStyle) -> String {
        // Most snippets hold nothing to make visible and need no highlight (not a terminal).
        if !style.enabled && !Sanitizer.containsUnsafe(hit.snippet) { return hit.snippet }
        let scalars = Array(hit.snippet.unicodeScalars)
        func str(_ r: Range<Int>) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[r]); return Sanitizer.sanitize(String(v)) }
        var out = ""
        var at = 0
        for m in hit.matches {
            let lo = max(at, min(m.lowerBound, scalars.count))
            let hi = min(max(m.upperBound, lo), scalars.count)
            out += str(at..<lo) + style.match(str(lo..<hi))
            at = hi
        }
        return out + str(at..<scalars.count)
    }

    static func json(_ hit: SearchHit) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("kind", .string(hit.kind.rawValue)),
            ("vendor", .string(hit.vendor)),
            ("document", .string(hit.documentRef)),
            ("version", .optional(hit.version?.description)),
            ("section", .optional(hit.section)),
            ("start", .optional(hit.start)),
            ("end", .optional(hit.end)),
            ("snippet", .string(hit.snippet)),
            ("score", .int(hit.score)),
            ("matches", .array(hit.matches.map { .object([("start", .int($0.lowerBound)), ("end", .int($0.upperBound))]) })),
            ("kinds", .array(hit.kinds.map { .string($0.rawValue) })),
        ]
        if hit.kind == .quote {
            pairs.append(("surface", .optional(hit.surface)))
            pairs.append(("question", .optional(hit.question)))
            pairs.append(("cited_by", .array(hit.citedBy.map { .object([("surface", .string($0.surface)), ("question", .string($0.question))]) })))
        }
        return .object(pairs)
    }
}
