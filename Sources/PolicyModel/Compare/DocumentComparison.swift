/// One document version taking part in a comparison.
public struct ComparedDocument: Sendable {
    public var document: PolicyDocument
    public var version: DocumentVersion
    public var clauses: [Clause]
}

/// Two or more document versions aligned clause by clause (`compare VENDOR/DOC VENDOR/DOC`).
/// `rows[r][d]` is the clause of document `d` on row `r`, or nil where that document has none.
public struct DocumentComparison: Sendable {
    public var documents: [ComparedDocument]
    public var rows: [[Clause?]]

    /// The rows of the first two documents, as `left`/`right` pairs.
    public var pairs: [(left: Clause?, right: Clause?)] {
        rows.map { (left: $0.first ?? nil, right: $0.count > 1 ? $0[1] : nil) }
    }

    /// Rows where every document has a clause.
    public var alignedCount: Int { rows.filter { $0.allSatisfy { $0 != nil } }.count }

    /// Aligns the documents: the second against the first, each further one against the rows so far.
    public static func align(_ documents: [ComparedDocument]) -> DocumentComparison {
        guard let first = documents.first else { return DocumentComparison(documents: [], rows: []) }
        var rows: [[Clause?]] = first.clauses.map { [$0] }
        for (d, doc) in documents.enumerated().dropFirst() {
            let rowItems = rows.map { row -> ClauseAlignment.Item in
                let c = row.compactMap { $0 }.first
                return ClauseAlignment.Item(key: c?.key, tier: c?.tier ?? .top)
            }
            let items = doc.clauses.map { ClauseAlignment.Item(key: $0.key, tier: $0.tier) }
            var next: [[Clause?]] = []
            for (r, c) in ClauseAlignment.align(rowItems, items) {
                var row: [Clause?] = r.map { rows[$0] } ?? [Clause?](repeating: nil, count: d)
                row.append(c.map { doc.clauses[$0] })
                next.append(row)
            }
            rows = next
        }
        return DocumentComparison(documents: documents, rows: rows)
    }
}

public enum CompareError: Error, Sendable, CustomStringConvertible {
    /// The arguments do not name what `compare` compares (exit 2).
    case usage(String)
    /// They name something that is not there (exit 1).
    case notFound(String)
    /// A text could not be read (exit 65).
    case badText(TextLoadError)

    public var description: String {
        switch self {
        case .usage(let m), .notFound(let m): return m
        case .badText(let e): return e.description
        }
    }
}

extension Catalog {
    /// Loads each version, splits it into clauses marked with the verdicts quoting them, and aligns them.
    public func compareDocuments(_ versions: [(PolicyDocument, DocumentVersion)]) -> Result<DocumentComparison, CompareError> {
        var compared: [ComparedDocument] = []
        for (doc, version) in versions {
            switch text(of: version) {
            case .failure(let error):
                return .failure(.badText(error))
            case .success(let text):
                var clauses = ClauseSplitter.clauses(of: text)
                markQuotes(of: doc, in: text, clauses: &clauses)
                compared.append(ComparedDocument(document: doc, version: version, clauses: clauses))
            }
        }
        return .success(DocumentComparison.align(compared))
    }

    /// Adds to each clause the verdicts whose quotes anchor inside it in this version.
    func markQuotes(of doc: PolicyDocument, in text: PreparedText, clauses: inout [Clause]) {
        var index: [Int: Int] = [:]
        for (i, c) in clauses.enumerated() { index[c.start] = i }
        for vendor in vendors {
            for verdict in vendor.verdicts {
                for e in verdict.evidence where e.vendor == doc.vendor && e.document == doc.id {
                    guard case .success(let anchor) = QuoteAnchoring.anchor(quote: e.quote, prefix: e.prefix, suffix: e.suffix, in: text) else { continue }
                    let start = text.sections.section(at: anchor.start)?.start ?? 0
                    guard let c = index[start] else { continue }
                    let ref = VerdictRef(vendor: verdict.vendor, surface: verdict.surface, question: verdict.question)
                    if !clauses[c].quotedBy.contains(ref) { clauses[c].quotedBy.append(ref) }
                }
            }
        }
    }
}
