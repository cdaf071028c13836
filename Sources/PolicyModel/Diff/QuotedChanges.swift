/// Which changes between two versions touch the text verdicts quote: what the browser marks in
/// a diff and in a document's versions.
extension EvidenceDrift {
    /// Not in the old version in any form, and in the new one (`termlens diff` calls it `new`).
    public var isNew: Bool { oldAnchor == nil && (status == .still || status == .moved) }

    /// The quote itself was edited, removed or brought in between the two versions (a quote
    /// that only moved, or is in neither as written, was not).
    public var touched: Bool {
        switch status {
        case .changed: return oldAnchor != nil || oldClosest != nil
        case .gone: return oldAnchor != nil
        case .still, .moved: return isNew
        }
    }
}

extension TextChange {
    /// Whether the change overlaps the quote's place in the old version or in the new one,
    /// for a quote the two versions `touched`.
    public func touches(_ quote: EvidenceDrift) -> Bool {
        guard quote.touched else { return false }
        func overlaps(_ range: Range<Int>?, _ anchor: Anchor?) -> Bool {
            guard let range, let anchor else { return false }
            return range.lowerBound < anchor.end && anchor.start < range.upperBound
        }
        return overlaps(oldRange, quote.oldAnchor) || (kind != .removed && overlaps(newRange, quote.drift.anchor))
    }
}

extension Catalog {
    /// For each readable version of `document` (by path), which of the quotes of it (indices in
    /// `evidence(quoting:)`) are there in some form: a version whose set differs from the one before
    /// it touched a quote. Empty when no verdict quotes the document. Reads every version.
    public func quotePresence(of document: PolicyDocument) -> [String: Set<Int>] {
        let quotes = evidence(quoting: document)
        guard !quotes.isEmpty else { return [:] }
        var out: [String: Set<Int>] = [:]
        for version in document.versions {
            guard case .success(let text) = transientText(of: version) else { continue }
            let prepared = PreparedText(text)
            var present = Set<Int>()
            for (i, e) in quotes.enumerated()
            where QuoteAnchoring.presence(quote: e.quote, prefix: e.prefix, suffix: e.suffix, in: prepared) != nil {
                present.insert(i)
            }
            out[version.path] = present
        }
        return out
    }

    /// Every piece of evidence (of any vendor's verdicts) quoting `document`, in catalog order.
    public func evidence(quoting document: PolicyDocument) -> [Evidence] {
        vendors.flatMap { $0.verdicts.flatMap { $0.evidence.filter { $0.vendor == document.vendor && $0.document == document.id } } }
    }
}
