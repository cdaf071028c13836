/// A product surface of a vendor, as users meet it (consumer app, API, business plan).
public struct Surface: Sendable, Hashable {
    public var id: String
    public var name: String
    public var description: String?
}

public struct Contact: Sendable, Hashable {
    public var kind: String
    public var value: String
    public var note: String?
}

/// A dated fact on a vendor's timeline: a policy change, a regulator's action.
public struct VendorEvent: Sendable, Hashable {
    public var date: SimpleDate
    public var title: LocalizedText
    /// A URL, free text, or `vendor/doc@YYYY-MM-DD` (a recorded version, checked by `check`).
    public var source: String
    public var location: SourceLocation?

    public init(date: SimpleDate, title: LocalizedText, source: String, location: SourceLocation? = nil) {
        self.date = date
        self.title = title
        self.source = source
        self.location = location
    }
}

/// A vendor with its surfaces, documents and verdicts, as merged from the analysis layers.
public struct Vendor: Sendable {
    public var id: String
    public var name: String
    public var legalName: String?
    public var country: String?
    public var homepage: String?
    public var contacts: [Contact]
    public var surfaces: [Surface]
    public var events: [VendorEvent]
    public var documents: [PolicyDocument]
    public var verdicts: [Verdict]
    /// The layer folder (or embedded label) this vendor came from; for a service without
    /// verdicts, the source it was found in.
    public var origin: String
    /// False for an Open Terms Archive service that no analysis layer covers: it has
    /// documents (from the loaded sources) but no surfaces and no verdicts.
    public var analysed = true

    public func surface(_ id: String) -> Surface? { surfaces.first { $0.id == id } }
    public func document(_ id: String) -> PolicyDocument? { documents.first { $0.id == id } }
    public func verdict(surface: String, question: String) -> Verdict? {
        verdicts.first { $0.surface == surface && $0.question == question }
    }
}
