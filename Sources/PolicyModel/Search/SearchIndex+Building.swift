extension SearchIndex {
    /// Where a unit's text comes from.
    private enum Source {
        case quote(Evidence, DocumentVersion?)
        case version(DocumentVersion)
        case file(DocumentVersion)
        case text(Int)
    }

    /// Indexes the catalog's quotes and document versions (every version, or the newest of each
    /// document and those quotes cite), then `extraFiles` (source files bound to no document,
    /// named after their `<Service>/<Terms Type>` folders) and `extraTexts`. Units are added in
    /// rank order, so that walking occurrences in order walks them in rank order.
    public convenience init(catalog: Catalog, allVersions: Bool = false, extraFiles: [DocumentVersion] = [], extraTexts: [ExtraText] = []) {
        var planned: [(unit: Unit, source: Source)] = []
        var cited = Set<String>()
        for vendor in catalog.vendors {
            for verdict in vendor.verdicts {
                for e in verdict.evidence {
                    let doc = catalog.document(vendor: e.vendor, id: e.document)
                    let version = doc?.version(e.version)
                    if let version { cited.insert(version.path) }
                    planned.append((Unit(kind: .quote, vendor: e.vendor, document: e.document, version: nil, surface: verdict.surface,
                                         question: verdict.question, language: doc?.language, importance: 0, isNewest: true,
                                         quoteDate: version?.date ?? e.version), .quote(e, version)))
                }
            }
        }
        for vendor in catalog.vendors {
            for doc in vendor.documents {
                let newest = doc.newest
                for version in doc.versions.reversed() where allVersions || version == newest || cited.contains(version.path) {
                    planned.append((Unit(kind: .document, vendor: doc.vendor, document: doc.id, version: version, language: doc.language,
                                         importance: vendor.verdicts.isEmpty ? 2 : 1, isNewest: version == newest), .version(version)))
                }
            }
        }
        let newestExtra = Self.newestOfEach(extraFiles)
        for file in extraFiles {
            let (vendor, document) = Self.names(of: file.path)
            planned.append((Unit(kind: .document, vendor: vendor, document: document, version: file, importance: 2,
                                 isNewest: newestExtra.contains(file.path)), .file(file)))
        }
        for (i, text) in extraTexts.enumerated() {
            planned.append((Unit(kind: .document, vendor: text.vendor, document: text.document, version: nil, importance: 2, isNewest: true), .text(i)))
        }
        // A stable sort: ties keep the catalog's order.
        planned = planned.enumerated().sorted { a, b in
            if Self.ranksBefore(a.element.unit, b.element.unit) { return true }
            if Self.ranksBefore(b.element.unit, a.element.unit) { return false }
            return a.offset < b.offset
        }.map(\.element)

        var builder = IndexBuilder()
        var units: [Unit] = []
        var corpus = 0
        var documentUnits: [String: Int] = [:]
        var quotes: [(unit: Int, evidence: Evidence, version: DocumentVersion?)] = []
        for (planUnit, source) in planned where !builder.isFull {
            var unit = planUnit
            switch source {
            case .quote(let e, let version):
                quotes.append((units.count, e, version))
                builder.addQuote(e.quote)
            case .version(let version), .file(let version):
                // Read, not mapped: a file truncated while mapped would stop the process (SIGBUS).
                guard let raw = catalog.rawBytes(of: version) else { continue }
                corpus += raw.count
                let stats = raw.withUnsafeBufferPointer { builder.addDocument($0) }
                if unit.language == nil { unit.language = stats.language }
                documentUnits[version.path] = units.count
            case .text(let i):
                corpus += extraTexts[i].bytes.count
                unit.language = extraTexts[i].bytes.withUnsafeBufferPointer { builder.addDocument($0) }.language
            }
            units.append(unit)
        }
        let tables = builder.finish()
        for (q, e, version) in quotes {
            guard let version, let d = documentUnits[version.path] else { continue }
            units[q].link = QuoteLinker(tables: tables).link(quote: q, in: d) { catalog.resolve(e).anchor?.start }
        }
        self.init(tables: tables, units: units, allVersions: allVersions, corpusBytes: corpus,
                  lineBytes: (builder.lineBytes, builder.distinctLineBytes))
    }
}
