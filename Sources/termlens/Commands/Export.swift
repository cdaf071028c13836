import ArgumentParser
import PolicyModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export verdicts (or a document's text) as markdown, json or csv.",
        discussion: "TARGET: VENDOR, VENDOR/SURFACE, VENDOR/SURFACE/QUESTION or VENDOR/DOC[@VERSION][:SECTION].\nExamples:\n  termlens export --format json > termlens.json\n  termlens export --format markdown --coverage\n  termlens export --format markdown deepseek/terms-of-service:4.3 --sources ../shared/ota/sample")

    @OptionGroup var global: GlobalOptions
    @Option(help: "markdown, json or csv.") var format: String
    @Flag(help: "Markdown only: just the coverage table (vendors and surfaces × questions).") var coverage = false
    @Argument(help: "What to export (default: everything).") var target: String?

    enum Format: String { case markdown, json, csv }

    func validate() throws {
        guard Format(rawValue: format) != nil else { throw ValidationError("--format takes markdown, json or csv") }
        if coverage && format != "markdown" { throw ValidationError("--coverage goes with --format markdown") }
    }

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        let catalog = app.catalog
        let fmt = Format(rawValue: format) ?? .json
        // Everything means the analysis: services without verdicts are exported only when named.
        var vendors = catalog.analysedVendors
        if let target {
            switch Target.parse(target, in: catalog) {
            case .failure(.malformed(let message)):
                throw TermlensExit.usage(message)
            case .failure(.notFound(let message)):
                Console.error("termlens: \(message)")
                throw TermlensExit.noResult
            case .success(.document(let v, let d, let version, let section)):
                try Self.exportDocument(app, vendor: v, doc: d, version: version, section: section, format: fmt)
                return
            case .success(.verdict(let v, let s, let q)) where fmt == .markdown && !coverage:
                // One verdict: the same Markdown the browser's `Y` copies.
                guard let verdict = catalog.vendor(v)?.verdict(surface: s, question: q) else {
                    Console.error("termlens: no verdict for \(v)/\(s)/\(q) in the data")
                    throw TermlensExit.noResult
                }
                Console.write(CitationMarkdown(catalog: catalog, language: app.language).verdict(verdict))
                Console.flush()
                try app.refuseBrokenQuotes([verdict])
                return
            case .success(let t):
                vendors = Self.filter(catalog, t)
            }
        }
        let writer = ExportWriter(app: app)
        switch fmt {
        case .json: Console.out(CatalogJSON(catalog: catalog, language: app.language).export(vendors: vendors).rendered())
        case .csv: writer.csv(vendors)
        case .markdown: coverage ? writer.coverage(vendors) : writer.markdown(vendors)
        }
        // The coverage table shows answers only; everything else prints evidence.
        if !coverage {
            Console.flush()
            try app.refuseBrokenQuotes(vendors.flatMap(\.verdicts))
        }
    }

    /// The vendors of a target, with verdicts narrowed to its surface and question.
    static func filter(_ catalog: Catalog, _ target: Target) -> [Vendor] {
        guard var v = catalog.vendor(target.vendorID) else { return [] }
        switch target {
        case .surface(_, let s):
            v.verdicts = v.verdicts.filter { $0.surface == s }
            v.surfaces = v.surfaces.filter { $0.id == s }
        case .verdict(_, let s, let q):
            v.verdicts = v.verdicts.filter { $0.surface == s && $0.question == q }
            v.surfaces = v.surfaces.filter { $0.id == s }
        default:
            break
        }
        return [v]
    }

    /// A document version's text, or one section of it (also what `browse VENDOR/DOC` prints in a pipe).
    static func exportDocument(_ app: AppContext, vendor: String, doc docID: String, version: SimpleDate?, section: String?, format: Format) throws {
        guard let doc = app.catalog.document(vendor: vendor, id: docID), let ver = doc.version(version) else {
            Console.error("termlens: \(vendor)/\(docID) has no loaded text\(app.catalog.sources.isEmpty ? " (add --sources DIR)" : "")")
            throw TermlensExit.noResult
        }
        let text: PreparedText
        switch app.catalog.text(of: ver) {
        case .success(let t): text = t
        case .failure(let e):
            Console.error(e.description)
            throw TermlensExit.badData
        }
        var start = 0
        var end = text.raw.count
        var label: String?
        if let section {
            guard let found = text.sections.section(labelled: section) else {
                Console.error("termlens: no section `\(section)` in \(doc.ref)@\(ver.date)")
                throw TermlensExit.noResult
            }
            label = found.label
            start = found.start
            end = text.sections.sections.first { $0.start > found.start && $0.level <= found.level }?.start ?? text.raw.count
        }
        let body = text.text(start, end)
        switch format {
        case .json:
            Console.out(JSONValue.object([
                ("document", .string(doc.ref)), ("version", .string(ver.date.description)), ("path", .string(ver.path)),
                ("section", .optional(label)), ("start", .int(start)), ("end", .int(end)), ("text", .string(body)),
            ]).rendered())
        case .markdown, .csv:
            Console.write(body)
            if !body.hasSuffix("\n") { Console.out() }
        }
    }
}
