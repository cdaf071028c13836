/// Where a version's text comes from.
public enum VersionOrigin: String, Sendable, Codable {
    /// A file carried in an analysis layer (`Data/…/<date>.md`).
    case data
    /// A file of a loaded Open Terms Archive dataset (`--sources`).
    case source
}

/// One dated version of a document. The text is read on demand.
public struct DocumentVersion: Sendable, Hashable {
    public var date: SimpleDate
    /// Absolute path of the file (or `embedded:Data/…` for the bundled layer inside the binary).
    public var path: String
    public var origin: VersionOrigin
    /// The full recorded timestamp for source files (`2026-03-27T11-30-37Z`), used to order two versions of one day.
    public var stamp: String
    /// For a version of a git versions repository: where its text is (`path` is then
    /// `<repository>/<Service>/<Terms Type>.md@<commit>`, naming no file on disk).
    public var git: GitObject? = nil
}

/// A file's text at one commit of a git repository.
public struct GitObject: Sendable, Hashable {
    public var repository: String
    public var commit: String
    public var blob: String
}

public enum DocumentRole: String, Sendable, Codable {
    case primary
    case secondary
}

/// An Open Terms Archive binding: versions of (service, terms type) in loaded sources belong to the document.
public struct OTABinding: Sendable, Hashable {
    public var services: [String]
    public var type: String
}

/// One of the web pages an archived document puts together (Open Terms Archive records some
/// terms as several pages in one file): its address, and the line its text starts with.
public struct DocumentPage: Sendable, Hashable {
    public var url: String
    public var startsAt: String
}

/// A terms document of a vendor, with its versions from the data and the loaded sources.
public struct PolicyDocument: Sendable {
    public var vendor: String
    public var id: String
    public var title: LocalizedText
    public var type: String
    public var language: String
    public var surfaces: [String]
    public var url: String?
    /// The pages after the first (whose address is `url`), in the order the text has them.
    public var pages: [DocumentPage] = []
    public var source: String?
    public var role: DocumentRole
    public var ota: OTABinding?
    /// Oldest first.
    public var versions: [DocumentVersion]
    public var location: SourceLocation
    /// False for a `<Service>/<Terms Type>` of the loaded sources that no `document.yaml`
    /// declares: browsable, searchable and diffable, but cited by no verdict's analysis.
    public var analysed = true

    public var ref: String { "\(vendor)/\(id)" }
    public var newest: DocumentVersion? { versions.last }

    public func version(_ date: SimpleDate?) -> DocumentVersion? {
        guard let date else { return newest }
        return versions.last { $0.date == date }
    }

    /// Why `date` names no version here, with the last `shown` versions there are.
    public func noVersionMessage(_ date: SimpleDate, shown: Int) -> String {
        let known = versions.map(\.date.description)
        return "\(ref) has no version \(date)" + (known.isEmpty ? " (no versions loaded: add --sources DIR)" : "; versions: \(known.suffix(shown).joined(separator: ", "))")
    }
}
