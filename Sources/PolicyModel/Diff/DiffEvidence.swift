/// A quote of the diffed document and what became of it between the two versions.
public struct EvidenceDrift: Sendable {
    public var verdict: Verdict
    public var evidence: Evidence
    /// Where the quote is in the old version, if it is there (punctuation and spacing aside).
    public var oldAnchor: Anchor?
    /// `still` (same section), `moved` (elsewhere, or not in the old version in any form), `changed`
    /// (edited in the new version, or edited into it: see `oldClosest`), `gone`.
    public var status: DriftStatus
    public var drift: DriftResult
    /// For a quote not in the old version as written but close to a passage there (the
    /// passage was edited into what the quote says): that passage and how similar it is.
    public var oldClosest: DriftResult? = nil
}

extension Catalog {
    /// Every piece of evidence (of any vendor's verdicts) quoting `document`, re-anchored from
    /// the old version into the new one the way `check` re-anchors pinned quotes.
    public func evidenceDrift(of document: PolicyDocument, old: PreparedText, new: PreparedText) -> [EvidenceDrift] {
        var out: [EvidenceDrift] = []
        for vendor in vendors {
            for verdict in vendor.verdicts {
                for e in verdict.evidence where e.vendor == document.vendor && e.document == document.id {
                    let oldAnchor = QuoteAnchoring.presence(quote: e.quote, prefix: e.prefix, suffix: e.suffix, in: old)
                    let drift = DriftCheck.recheck(quote: e.quote, prefix: e.prefix, suffix: e.suffix,
                                                   oldSection: oldAnchor?.section, in: new)
                    var status = drift.status
                    var oldClosest: DriftResult?
                    if oldAnchor == nil, status == .still || status == .moved {
                        // Not in the old version: new, unless an earlier form of it is there.
                        let close = DriftCheck.fuzzy(quote: e.quote, prefix: e.prefix, suffix: e.suffix, in: old)
                        if close.status == .changed { oldClosest = close }
                        status = close.status == .changed ? .changed : .moved
                    }
                    out.append(EvidenceDrift(verdict: verdict, evidence: e, oldAnchor: oldAnchor, status: status, drift: drift, oldClosest: oldClosest))
                }
            }
        }
        return out
    }
}
