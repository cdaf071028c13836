/// A quote of the diffed document and what became of it between the two versions.
public struct EvidenceDrift: Sendable {
    public var verdict: Verdict
    public var evidence: Evidence
    /// Where the quote is in the old version, if it is there.
    public var oldAnchor: Anchor?
    /// `still` (same section), `moved` (elsewhere, or not in the old version), `changed` (edited), `gone`.
    public var status: DriftStatus
    public var drift: DriftResult
}

extension Catalog {
    /// Every piece of evidence (of any vendor's verdicts) quoting `document`, re-anchored from
    /// the old version into the new one the way `check` re-anchors pinned quotes.
    public func evidenceDrift(of document: PolicyDocument, old: PreparedText, new: PreparedText) -> [EvidenceDrift] {
        var out: [EvidenceDrift] = []
        for vendor in vendors {
            for verdict in vendor.verdicts {
                for e in verdict.evidence where e.vendor == document.vendor && e.document == document.id {
                    let oldAnchor = try? QuoteAnchoring.anchor(quote: e.quote, prefix: e.prefix, suffix: e.suffix, in: old).get()
                    let drift = DriftCheck.recheck(quote: e.quote, prefix: e.prefix, suffix: e.suffix,
                                                   oldSection: oldAnchor?.section, in: new)
                    var status = drift.status
                    if status == .still, oldAnchor == nil { status = .moved }
                    out.append(EvidenceDrift(verdict: verdict, evidence: e, oldAnchor: oldAnchor, status: status, drift: drift))
                }
            }
        }
        return out
    }
}
