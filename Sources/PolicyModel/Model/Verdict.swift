/// One piece of evidence: a verbatim quote from a document version.
public struct Evidence: Sendable, Hashable {
    /// The vendor that owns the document (evidence may cite another vendor's document).
    public var vendor: String
    public var document: String
    /// The version the quote was copied from; `nil` means the newest.
    public var version: SimpleDate?
    public var quote: String
    public var prefix: String?
    public var suffix: String?
    public var note: LocalizedText?
    /// Where this evidence was declared, for error messages.
    public var location: SourceLocation
    /// Where its `quote:` value stands (errors about the quote point here).
    public var quoteLocation: SourceLocation? = nil

    /// `vendor/doc`, the form used in JSON and on screen.
    public var documentRef: String { "\(vendor)/\(document)" }
}

/// The answer to one question for one surface of a vendor.
public struct Verdict: Sendable {
    public var vendor: String
    public var surface: String
    public var question: String
    public var answer: Answer
    public var summary: LocalizedText
    public var asOf: SimpleDate
    public var evidence: [Evidence]
    public var advice: LocalizedText?
    public var examined: [String]
    /// For `unknown`: the documents (titles or URLs) that would settle the question.
    public var missing: [String] = []
    public var location: SourceLocation
}
