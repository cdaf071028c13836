/// The files of a new vendor (`termlens new vendor`): vendor.yaml, a document.yaml for every
/// terms type of the named Open Terms Archive services in the loaded sources, and an `unknown`
/// stub for every surface × question, which `check` accepts until the verdicts are written.
public struct VendorScaffold: Sendable {
    public var id: String
    public var name: String
    public var services: [String]
    public var surfaces: [String]

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case badID(String)
        case noSources
        case unknownService(String, suggestion: String?)
        case exists(String)

        public var description: String {
            switch self {
            case .badID(let id): return "vendor id `\(id)` must be lowercase letters, digits and dashes"
            case .noSources: return "no sources loaded: new vendor reads the services' terms types from --sources DIR (an Open Terms Archive dataset, e.g. ../shared/ota/sample)"
            case .unknownService(let s, let hint): return "no loaded source has the service `\(s)`" + (hint.map { " (did you mean `\($0)`?)" } ?? "") + "; `termlens show` lists services without verdicts"
            case .exists(let what): return "\(what) exists already: new vendor never overwrites"
            }
        }
    }

    /// The text used in stubs, so that tests can tell a stub from a verdict.
    public static let stubSummary = "Not analysed yet: read the documents, then replace this stub."

    public init(id: String, name: String, services: [String], surfaces: [String]) {
        self.id = id
        self.name = name
        self.services = services
        self.surfaces = surfaces.isEmpty ? ["consumer"] : surfaces
    }

    /// Relative path (under the layer folder) → file text.
    public func files(in catalog: Catalog) -> Result<[(path: String, text: String)], Problem> {
        guard Identifier.isValid(id) else { return .failure(.badID(id)) }
        // A service without verdicts may carry this id: the new vendor is its analysis.
        if catalog.vendor(id)?.analysed == true { return .failure(.exists("vendor `\(id)` (in a loaded layer)")) }
        let sources = catalog.sources
        guard !sources.isEmpty else { return .failure(.noSources) }
        for service in services where sources.types(of: service).isEmpty {
            return .failure(.unknownService(service, suggestion: Suggestion.closest(service, in: sources.services)))
        }
        var files: [(String, String)] = []
        var documents: [String] = []
        var newest: SimpleDate?
        for service in services {
            for type in sources.types(of: service) {
                let binding = OTABinding(services: [service], type: type)
                let versions = sources.versions(for: binding)
                var docID = Slug.ascii(type)
                if docID.isEmpty || documents.contains(docID) { docID = Slug.ascii(service + " " + type) }
                guard !docID.isEmpty, !documents.contains(docID) else { continue }
                documents.append(docID)
                if let last = versions.last?.date, newest.map({ last > $0 }) ?? true { newest = last }
                let language = versions.last.flatMap { catalog.rawBytes(of: $0) }.map(Self.language) ?? "en"
                files.append(("vendors/\(id)/documents/\(docID)/document.yaml", documentYAML(service: service, type: type, language: language)))
            }
        }
        files.insert(("vendors/\(id)/vendor.yaml", vendorYAML()), at: 0)
        files.append(("vendors/\(id)/verdicts.yaml", verdictsYAML(questions: catalog.questions.map(\.id), documents: documents,
                                                                 asOf: newest ?? SimpleDate.today())))
        return .success(files)
    }

    private func vendorYAML() -> String {
        var lines = ["# \(name). Fill in the legal name and country as the documents print them;",
                     "# contacts only as printed in the vendor's own documents.",
                     "id: \(id)", "name: \(yaml(name))", "# legal_name: …", "# country: …", "# homepage: https://…", "surfaces:"]
        for s in surfaces { lines.append("  - {id: \(s), name: \(yaml(Self.surfaceName(s)))}") }
        lines.append("events: []")
        return lines.joined(separator: "\n") + "\n"
    }

    private func documentYAML(service: String, type: String, language: String) -> String {
        [
            "title: \(yaml(service + " " + type))",
            "type: \(yaml(type))",
            "language: \(language)",
            "surfaces: [\(surfaces.joined(separator: ", "))]",
            "# url: https://…",
            "source: Open Terms Archive contributors (ODC-BY 1.0)",
            "ota:",
            "  service: \(yaml(service))",
            "  type: \(yaml(type))",
        ].joined(separator: "\n") + "\n"
    }

    private func verdictsYAML(questions: [String], documents: [String], asOf: SimpleDate) -> String {
        var lines = ["# \(name) verdicts. Every cell starts as an `unknown` stub: replace each with an answer",
                     "# and quotes (`termlens quote \(id)/DOC \"passage\"` prints an evidence entry), `silent`",
                     "# with `examined`, or a real `unknown` naming the missing documents. Data/README.md explains.",
                     "verdicts:"]
        for surface in surfaces {
            for q in questions {
                lines += ["  - surface: \(surface)", "    question: \(q)", "    answer: unknown",
                          "    summary: \(yaml(Self.stubSummary))", "    as_of: \(asOf)",
                          "    missing: [\(yaml("a reading of " + documents.joined(separator: ", ")))]"]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func surfaceName(_ id: String) -> String {
        switch id {
        case "consumer": return "Consumer"
        case "api": return "API"
        case "business": return "Business"
        default: return id.prefix(1).uppercased() + id.dropFirst().replacingDashes()
        }
    }

    /// `zh` when most letters of the text are CJK ideographs or kana, else `en`.
    static func language(_ bytes: [UInt8]) -> String {
        var cjk = 0, letters = 0
        for scalar in String(decoding: bytes.prefix(64 * 1024), as: UTF8.self).unicodeScalars where scalar.properties.isAlphabetic {
            letters += 1
            if (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value) { cjk += 1 }
        }
        return letters > 0 && cjk * 3 > letters ? "zh" : "en"
    }

    /// A YAML scalar, quoted when plain style could be misread.
    private func yaml(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { ($0.properties.isAlphabetic || $0.properties.numericType != nil || " .()-–'’".unicodeScalars.contains($0)) }
        if plain, let first = s.unicodeScalars.first, first.properties.isAlphabetic { return s }
        var out = "\""
        for c in s.unicodeScalars {
            if c == "\"" || c == "\\" { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }
}

private extension Substring {
    func replacingDashes() -> String { String(map { $0 == "-" ? " " : $0 }) }
}
