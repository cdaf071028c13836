/// The state of one piece of evidence against the loaded texts.
public enum EvidenceStatus: String, Sendable, Codable {
    /// Found, once, in the version it cites (which is the newest loaded).
    case anchored
    /// The cited text is not loaded (no `--sources`), so the quote could not be checked.
    case unverified
    /// Pinned to an older version and re-checked against the newest: see `DriftStatus`.
    case still, moved, changed, gone
    /// Not found, or ambiguous, in the version it cites: a data error.
    case broken

    init(_ drift: DriftStatus) {
        switch drift {
        case .still: self = .still
        case .moved: self = .moved
        case .changed: self = .changed
        case .gone: self = .gone
        }
    }

    public var isDrift: Bool { [.moved, .changed, .gone].contains(self) }
}

public struct ResolvedEvidence: Sendable {
    public var evidence: Evidence
    public var status: EvidenceStatus
    /// The version the quote was found in (the cited one).
    public var version: DocumentVersion?
    public var anchor: Anchor?
    /// For quotes pinned to an older version: what the newest version holds.
    public var newest: DocumentVersion?
    public var drift: DriftResult?
    /// Why the quote is `unverified` or `broken`.
    public var problem: String?
    /// For `broken`: the version file itself is at fault (not UTF-8, unreadable), not the quote.
    public var textError: TextLoadError?
    /// For `broken`: the cited document does not exist (reported by validation).
    public var missingDocument = false
    /// For `broken`: why the quote did not anchor.
    public var failure: AnchorFailure?
}

extension Catalog {
    /// Anchors one piece of evidence in the version it cites, then re-checks it in the newest.
    public func resolve(_ evidence: Evidence) -> ResolvedEvidence {
        var result = ResolvedEvidence(evidence: evidence, status: .unverified)
        guard let doc = document(vendor: evidence.vendor, id: evidence.document) else {
            result.status = .broken
            result.missingDocument = true
            result.problem = "document \(evidence.documentRef) does not exist"
            return result
        }
        guard let version = doc.version(evidence.version) else {
            result.problem = unverifiedReason(doc, evidence.version)
            return result
        }
        result.version = version
        let text: PreparedText
        switch self.text(of: version) {
        case .success(let t): text = t
        case .failure(let error):
            result.status = .broken
            result.problem = error.description
            result.textError = error
            return result
        }
        switch QuoteAnchoring.anchor(quote: evidence.quote, prefix: evidence.prefix, suffix: evidence.suffix, in: text) {
        case .failure(let failure):
            result.status = .broken
            result.failure = failure
            result.problem = "\(failure) (\(doc.ref)@\(version.date))"
            if failure == .notFound, let hint = QuoteFinder.hint(evidence.quote, in: text) { result.problem? += "; \(hint)" }
            return result
        case .success(let anchor):
            result.anchor = anchor
            result.status = .anchored
        }
        if let newest = doc.newest, newest.date > version.date {
            result.newest = newest
            if case .success(let newText) = self.text(of: newest) {
                let drift = DriftCheck.recheck(quote: evidence.quote, prefix: evidence.prefix, suffix: evidence.suffix,
                                               oldSection: result.anchor?.section, in: newText)
                result.drift = drift
                result.status = EvidenceStatus(drift.status)
            }
        }
        return result
    }

    private func unverifiedReason(_ doc: PolicyDocument, _ wanted: SimpleDate?) -> String {
        let which = wanted.map { "version \($0) of " } ?? ""
        if let ota = doc.ota {
            if sources.isEmpty {
                return "\(which)\(doc.ref) is not loaded: load Open Terms Archive sources with --sources DIR (service \(ota.services.joined(separator: " / ")), type \(ota.type))"
            }
            return "\(which)\(doc.ref) is in none of the loaded sources (service \(ota.services.joined(separator: " / ")), type \(ota.type))"
        }
        return "\(which)\(doc.ref) has no such version"
    }
}

extension ResolvedEvidence {
    /// A quote whose newest version changed it or no longer has it: its verdict needs a second look.
    public var needsReview: Bool { status == .changed || status == .gone }
}

extension Catalog {
    /// The quotes of a verdict that the newest versions changed or removed (empty: nothing to review).
    public func reviewReasons(_ verdict: Verdict) -> [ResolvedEvidence] {
        verdict.evidence.map(resolve).filter(\.needsReview)
    }

    /// Whether a verdict needs a second look: a quote's newest status is `changed` or `gone`.
    public func needsReview(_ verdict: Verdict) -> Bool { !reviewReasons(verdict).isEmpty }
}

