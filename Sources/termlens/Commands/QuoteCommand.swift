import ArgumentParser
import PolicyModel

/// `termlens quote VENDOR/DOC[@VERSION] TEXT`: a ready evidence entry, or the nearest passage.
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Find a passage in a document and print the evidence entry to paste into verdicts.yaml.",
        discussion: """
            Found: the entry (document, version, quote, section; prefix when the passage occurs more
            than once), exit 0. Not found: the nearest passage, how similar it is, the first character
            that differs (e.g. ’ against '), and the documents where the text is found exactly, exit 1.
            Examples:
              termlens quote deepseek/terms-of-service "opt out by turning off" --sources ../shared/ota/sample
              termlens quote anthropic/privacy-policy@2026-08-05 "as long as reasonably necessary" --json --sources DIR
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The document: VENDOR/DOC or VENDOR/DOC@YYYY-MM-DD (default: the newest version).") var document: String
    @Argument(help: "The passage, as copied (spacing and Markdown markup may differ).") var text: [String]
    @Option(help: "Which occurrence to cite when the passage occurs more than once (1 = the first).") var occurrence = 1
    @Flag(help: "Print JSON (shape in README).") var json = false

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        let quote = text.joined(separator: " ")
        guard case .success(.document(let vendorID, let docID, let wanted, _)) = Target.parse(document, in: app.catalog, documentOnly: true),
              let doc = app.catalog.document(vendor: vendorID, id: docID) else {
            if case .failure(.notFound(let m)) = Target.parse(document, in: app.catalog, documentOnly: true) {
                Console.error("termlens: \(m)")
                throw TermlensExit.noResult
            }
            throw TermlensExit.usage("quote takes a document, VENDOR/DOC[@YYYY-MM-DD], found `\(document)`")
        }
        guard let version = doc.version(wanted) else {
            Console.error("termlens: the text of \(doc.ref) is not loaded: add --sources DIR (an Open Terms Archive dataset, e.g. ../shared/ota/sample)")
            throw TermlensExit.noResult
        }
        let prepared: PreparedText
        switch app.catalog.text(of: version) {
        case .success(let t): prepared = t
        case .failure(let error):
            Console.error(error.description)
            throw TermlensExit.badData
        }
        let where_ = "\(doc.ref)@\(version.date)"
        switch QuoteFinder.find(quote, in: prepared, occurrence: occurrence) {
        case .found(let found):
            if json {
                Console.out(QuoteOutput.foundJSON(found, quote: quote, doc: doc, version: version).rendered())
            } else {
                Console.out(QuoteOutput.entry(found, quote: quote, doc: doc, version: version))
            }
        case .near(let near):
            let elsewhere = exactElsewhere(quote, app.catalog, except: version.path)
            if json {
                Console.out(QuoteOutput.nearJSON(near, elsewhere: elsewhere).rendered())
            } else {
                Console.out(QuoteOutput.near(near, quote: quote, in: where_, elsewhere: elsewhere))
            }
            Console.flush()
            throw TermlensExit.noResult
        case .nothing:
            let elsewhere = exactElsewhere(quote, app.catalog, except: version.path)
            if json {
                Console.out(JSONValue.object([("found", .bool(false)), ("nearest", .null), ("first_difference", .null),
                                              ("exact_elsewhere", .array(elsewhere.map(JSONValue.string)))]).rendered())
            } else {
                Console.out("Not found in \(where_), and nothing close." + (elsewhere.isEmpty ? "" : "\nFound exactly in: \(elsewhere.joined(separator: ", "))"))
            }
            Console.flush()
            throw TermlensExit.noResult
        }
    }

    /// `vendor/doc@date` of the newest version of every other loaded document holding the text.
    func exactElsewhere(_ quote: String, _ catalog: Catalog, except path: String) -> [String] {
        let needle = NormalizedText(quote).scalars
        guard !needle.isEmpty else { return [] }
        var out: [String] = []
        for vendor in catalog.vendors {
            for doc in vendor.documents {
                guard let newest = doc.newest, newest.path != path,
                      case .success(let text) = catalog.text(of: newest),
                      !text.normalized.occurrences(of: needle, limit: 1).isEmpty else { continue }
                out.append("\(doc.ref)@\(newest.date)")
            }
        }
        return out
    }
}
