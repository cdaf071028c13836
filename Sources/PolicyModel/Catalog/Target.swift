/// What a TARGET names: `VENDOR`, `VENDOR/SURFACE`, `VENDOR/SURFACE/QUESTION`,
/// or `VENDOR/DOC[@VERSION][:SECTION]`.
public enum Target: Sendable, Equatable {
    case vendor(String)
    case surface(vendor: String, surface: String)
    case verdict(vendor: String, surface: String, question: String)
    case document(vendor: String, document: String, version: SimpleDate?, section: String?)

    public var vendorID: String {
        switch self {
        case .vendor(let v), .surface(let v, _), .verdict(let v, _, _), .document(let v, _, _, _): return v
        }
    }

    public enum ParseError: Error, Sendable, CustomStringConvertible, Equatable {
        /// The text is not shaped like a TARGET (a usage error).
        case malformed(String)
        /// Shaped right, but names nothing in the data (no result).
        case notFound(String)

        public var description: String {
            switch self {
            case .malformed(let m), .notFound(let m): return m
            }
        }
    }

    /// `documentOnly`: the command takes a document (diff, quote), so `vendor/x` that names no
    /// document says so and lists the vendor's documents.
    public static func parse(_ text: String, in catalog: Catalog, documentOnly: Bool = false) -> Result<Target, ParseError> {
        var rest = Substring(text)
        var section: String?
        if let colon = rest.firstIndex(of: ":") {
            section = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
            if section?.isEmpty == true { return .failure(.malformed("`\(text)`: nothing after `:` (expected a section such as 4.3)")) }
        }
        var version: SimpleDate?
        if let at = rest.firstIndex(of: "@") {
            let versionText = rest[rest.index(after: at)...]
            guard let date = SimpleDate(versionText) else {
                return .failure(.malformed("`\(text)`: a version is a date YYYY-MM-DD, found `\(versionText)`"))
            }
            version = date
            rest = rest[..<at]
        }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            return .failure(.malformed("`\(text)`: expected VENDOR, VENDOR/SURFACE, VENDOR/SURFACE/QUESTION or VENDOR/DOC[@VERSION][:SECTION]"))
        }
        let vendor: Vendor
        switch catalog.lookUpVendor(parts[0]) {
        case .success(let v): vendor = v
        case .failure(let unknown): return .failure(.notFound(unknown.description))
        }
        if parts.count == 1 && !documentOnly {
            if version != nil || section != nil { return .failure(.malformed("`\(text)`: `@VERSION` and `:SECTION` follow a document, e.g. \(vendor.id)/\(vendor.documents.first?.id ?? "DOC")@2026-01-01:4.3")) }
            return .success(.vendor(vendor.id))
        }
        if documentOnly {
            guard parts.count == 2 else {
                return .failure(.malformed("`\(text)`: expected a document, VENDOR/DOC[@VERSION], e.g. \(vendor.id)/\(vendor.documents.first?.id ?? "DOC")"))
            }
            if case .failure(let unknown) = vendor.lookUpDocument(parts[1]) { return .failure(.notFound(unknown.description)) }
        }
        let typed = parts[1]
        if parts.count == 2, case .success(let doc) = vendor.lookUpDocument(typed) {
            if let version, doc.version(version) == nil {
                return .failure(.notFound(doc.noVersionMessage(version, shown: 8)))
            }
            return .success(.document(vendor: vendor.id, document: doc.id, version: version, section: section))
        }
        guard version == nil, section == nil else {
            return .failure(.notFound(vendor.lookUpDocument(typed).failureText ?? "`\(text)`: `@VERSION` and `:SECTION` follow a document, VENDOR/DOC"))
        }
        guard case .success(let surface) = vendor.lookUpSurface(typed) else {
            let ids = vendor.surfaces.map(\.id) + vendor.documents.map(\.id)
            return .failure(.notFound("\(vendor.id) has no surface or document `\(typed)`\(Suggestion.hint(typed, in: ids)); its surfaces are \(vendor.surfaces.map(\.id).joined(separator: ", ")); its documents are \(vendor.documents.map(\.id).joined(separator: ", "))"))
        }
        if parts.count == 2 { return .success(.surface(vendor: vendor.id, surface: surface.id)) }
        switch catalog.lookUpQuestion(parts[2]) {
        case .failure(let unknown): return .failure(.notFound(unknown.description))
        case .success(let question): return .success(.verdict(vendor: vendor.id, surface: surface.id, question: question.id))
        }
    }
}

extension Result where Failure == UnknownName {
    var failureText: String? {
        if case .failure(let unknown) = self { return unknown.description }
        return nil
    }
}
