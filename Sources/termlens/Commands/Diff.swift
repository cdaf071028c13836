import ArgumentParser
import PolicyModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed between two versions of a document, and what became of the quotes in it.",
        discussion: """
            Versions come from the data and the loaded sources; OLD and NEW are dates (default: the two newest).
            Changes are listed by section, word by word ([-removed-]{+added+}; CJK character by character).
            Noise is filtered unless --raw: whitespace and reflow, list-marker style, heading and emphasis
            markup, tracking parameters in links, date formats (README, "Version diffs").
            --versions lists each version and whether it carries a real change or noise only;
            with no document, it counts them for every document.
            Examples:
              termlens diff deepseek/privacy-policy --sources ../shared/ota/sample
              termlens diff deepseek/privacy-policy 2025-02-16 2026-02-10 --json --sources ../shared/ota/sample
              termlens diff meta/llama-api-privacy-policy --versions --real --sources ../shared/ota/genai-versions
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The document, vendor/doc.") var document: String?
    @Argument(help: "The old version (a date YYYY-MM-DD).") var old: String?
    @Argument(help: "The new version (a date YYYY-MM-DD).") var new: String?
    @Flag(help: "Show every difference, noise included.") var raw = false
    @Flag(help: "List the versions and what each changed, instead of a diff.") var versions = false
    @Flag(help: "With --versions: hide versions without a real change (noise only, repeated, identical).") var real = false
    @Flag(help: "Print JSON (shapes in README).") var json = false

    func validate() throws {
        if (old == nil) != (new == nil) { throw ValidationError("give both OLD and NEW versions, or neither") }
        for date in [old, new].compactMap({ $0 }) where SimpleDate(date) == nil {
            throw ValidationError("a version is a date YYYY-MM-DD, found `\(date)`")
        }
        if document == nil && !versions { throw ValidationError("diff needs a document, vendor/doc (or --versions for all documents)") }
        if real && !versions { throw ValidationError("--real goes with --versions") }
        if versions && old != nil { throw ValidationError("--versions lists all versions: drop OLD and NEW") }
    }

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        guard let ref = document else {
            DiffPrinter(app: app).historySummary(json: json)
            return
        }
        let doc: PolicyDocument
        switch Target.parse(ref, in: app.catalog, documentOnly: true) {
        case .failure(.malformed(let m)): throw TermlensExit.usage(m)
        case .failure(.notFound(let m)):
            Console.error("termlens: \(m)")
            throw TermlensExit.noResult
        case .success(.document(let vendorID, let docID, nil, nil)):
            guard let found = app.catalog.document(vendor: vendorID, id: docID) else { throw TermlensExit.noResult }
            doc = found
        case .success:
            throw TermlensExit.usage("`\(ref)`: diff takes a document without @VERSION or :SECTION; give versions as OLD NEW")
        }
        let printer = DiffPrinter(app: app)
        if versions {
            printer.history(doc, onlyReal: real, json: json)
            return
        }
        let (before, after) = try pick(doc)
        let texts = try [before, after].map { version -> PreparedText in
            switch app.catalog.text(of: version) {
            case .success(let t): return t
            case .failure(let e):
                Console.error(e.description)
                throw TermlensExit.badData
            }
        }
        let changes = VersionDiff.changes(old: DiffSide(texts[0]), new: DiffSide(texts[1]), raw: raw)
        let evidence = app.catalog.evidenceDrift(of: doc, old: texts[0], new: texts[1])
        if json {
            let output = CatalogJSON(catalog: app.catalog, language: app.language)
            Console.out(output.diff(document: doc, old: before, new: after, raw: raw, changes: changes, evidence: evidence).rendered())
        } else {
            printer.diff(doc, before, after, changes: changes, evidence: evidence, raw: raw)
        }
    }

    /// OLD and NEW as given, or the two newest versions.
    private func pick(_ doc: PolicyDocument) throws -> (DocumentVersion, DocumentVersion) {
        if let old, let new, let oldDate = SimpleDate(old), let newDate = SimpleDate(new) {
            guard let a = doc.version(oldDate), let b = doc.version(newDate) else {
                let missing = doc.version(oldDate) == nil ? oldDate : newDate
                Console.error("termlens: " + doc.noVersionMessage(missing, shown: 10))
                throw TermlensExit.noResult
            }
            return (a, b)
        }
        guard doc.versions.count >= 2 else {
            let loaded = doc.versions.isEmpty ? "no version is loaded" : "only one version (\(doc.versions[0].date)) is loaded"
            Console.error("termlens: \(doc.ref): \(loaded), nothing to compare" + (doc.ota != nil ? "; add --sources DIR with its Open Terms Archive history" : ""))
            throw TermlensExit.noResult
        }
        return (doc.versions[doc.versions.count - 2], doc.versions[doc.versions.count - 1])
    }
}
