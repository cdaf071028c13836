/// One column of a vendor comparison: a surface of a vendor.
public struct ComparisonColumn: Sendable, Hashable {
    public var vendor: String
    public var surface: String
    public var vendorName: String
    public var surfaceName: String

    public init(vendor: String, surface: String, vendorName: String, surfaceName: String) {
        self.vendor = vendor
        self.surface = surface
        self.vendorName = vendorName
        self.surfaceName = surfaceName
    }
}

/// One row: a question, and the verdict of each column (nil where the data has none).
public struct ComparisonRow: Sendable {
    public var question: Question
    public var cells: [Verdict?]
}

/// Vendors (or vendor surfaces) side by side, one row per question (`compare A B [C…]`).
/// A vendor named alone stands for all its surfaces, one column each, in the vendor's order.
public struct VendorComparison: Sendable {
    public var columns: [ComparisonColumn]
    public var rows: [ComparisonRow]

    /// The verdicts row by row, column by column (the order of `compare --json`).
    public var verdicts: [Verdict] { rows.flatMap { $0.cells.compactMap { $0 } } }

    public init(columns: [ComparisonColumn], rows: [ComparisonRow]) {
        self.columns = columns
        self.rows = rows
    }
}

/// What `compare` was asked to put side by side.
public enum ComparisonRequest: Sendable {
    case vendors([ComparisonColumn])
    case documents([(PolicyDocument, DocumentVersion)])
}

extension Catalog {
    /// Reads `compare` arguments: all vendors or surfaces, or all documents (at least two).
    public func comparisonRequest(_ arguments: [String]) -> Result<ComparisonRequest, CompareError> {
        guard arguments.count >= 2 else {
            return .failure(.usage("compare needs at least two vendors, vendor/surface pairs or documents, e.g. `compare deepseek openai`"))
        }
        var columns: [ComparisonColumn] = []
        var documents: [(PolicyDocument, DocumentVersion)] = []
        var documentCount = 0
        var missing: CompareError?
        for argument in arguments {
            switch Target.parse(argument, in: self) {
            case .failure(.malformed(let m)): return .failure(.usage(m))
            case .failure(.notFound(let m)): return .failure(.notFound(m))
            case .success(.vendor(let id)):
                guard let v = vendor(id) else { return .failure(.notFound("unknown vendor `\(id)`")) }
                columns += v.surfaces.map { ComparisonColumn(vendor: v.id, surface: $0.id, vendorName: v.name, surfaceName: $0.name) }
            case .success(.surface(let id, let surface)):
                guard let v = vendor(id), let s = v.surface(surface) else { return .failure(.notFound("unknown surface `\(argument)`")) }
                columns.append(ComparisonColumn(vendor: v.id, surface: s.id, vendorName: v.name, surfaceName: s.name))
            case .success(.verdict):
                return .failure(.usage("`\(argument)`: compare takes a vendor, vendor/surface or vendor/doc[@version], not a question (use --question)"))
            case .success(.document(let vendorID, let docID, let date, let section)):
                guard section == nil else { return .failure(.usage("`\(argument)`: compare takes whole documents; drop `:\(section ?? "")`")) }
                guard let doc = document(vendor: vendorID, id: docID) else { return .failure(.notFound("unknown document `\(argument)`")) }
                guard let version = doc.version(date) else {
                    missing = missing ?? .notFound("the text of \(doc.ref) is not loaded" + (doc.ota != nil ? ": add --sources DIR (an Open Terms Archive dataset, e.g. ../shared/ota/sample)" : ""))
                    documentCount += 1
                    continue
                }
                documents.append((doc, version))
                documentCount += 1
            }
        }
        if !columns.isEmpty && documentCount > 0 {
            return .failure(.usage("compare takes either vendors and surfaces, or documents, not both"))
        }
        if let missing { return .failure(missing) }
        if !documents.isEmpty {
            guard documents.count >= 2 else { return .failure(.usage("compare needs at least two documents")) }
            return .success(.documents(documents))
        }
        return .success(.vendors(columns))
    }

    /// The comparison of these columns over all questions, or over one.
    public func compareVendors(_ columns: [ComparisonColumn], question: String? = nil) -> Result<VendorComparison, CompareError> {
        var questions = self.questions
        if let question {
            guard let q = self.question(question) else {
                return .failure(.notFound("unknown question `\(question)`; questions are \(self.questions.map(\.id).joined(separator: ", "))"))
            }
            questions = [q]
        }
        let rows = questions.map { q in
            ComparisonRow(question: q, cells: columns.map { vendor($0.vendor)?.verdict(surface: $0.surface, question: q.id) })
        }
        return .success(VendorComparison(columns: columns, rows: rows))
    }
}
