/// The outcome of `termlens check`: every loading problem and every quote anchored or not.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var verdicts = 0
    public var quotes = 0
    public var counts: [EvidenceStatus: Int] = [:]
    public var resolved: [ResolvedEvidence] = []
    /// Verdicts with a quote that the newest version changed or removed.
    public var needsReview: [Verdict] = []

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public func count(_ status: EvidenceStatus) -> Int { counts[status] ?? 0 }

    /// 0 when all holds; 65 on bad data, or (strict) on any unverified quote.
    public func exitCode(strict: Bool) -> Int32 {
        if !errors.isEmpty { return 65 }
        if strict && count(.unverified) > 0 { return 65 }
        return 0
    }
}

extension Catalog {
    /// Validates and anchors; with `only`, every layer is still loaded (for references) but
    /// problems, quotes and counts are those of the named vendors alone.
    public func check(strict: Bool, only: Set<String>? = nil) -> CheckReport {
        var report = CheckReport(diagnostics: diagnostics.filter { only == nil || Self.concerns($0.location, only ?? []) })
        var badFiles = Set<String>()
        for vendor in vendors where only?.contains(vendor.id) ?? true {
            for verdict in vendor.verdicts {
                report.verdicts += 1
                var review = false
                for evidence in verdict.evidence {
                    report.quotes += 1
                    let r = resolve(evidence)
                    report.counts[r.status, default: 0] += 1
                    report.resolved.append(r)
                    review = review || r.needsReview
                    let cell = "\(vendor.id)/\(verdict.surface)/\(verdict.question)"
                    switch r.status {
                    case .broken where r.missingDocument:
                        break // validation has reported it
                    case .broken where r.textError != nil:
                        if let error = r.textError, badFiles.insert(error.path).inserted {
                            report.diagnostics.append(Diagnostic(.error, error.location, error.message))
                        }
                    case .broken:
                        report.diagnostics.append(Diagnostic(.error, evidence.quoteLocation ?? evidence.location, "\(cell): \(r.problem ?? "quote does not anchor")"))
                    case .unverified where strict:
                        report.diagnostics.append(Diagnostic(.error, evidence.location, "\(cell): unverified: \(r.problem ?? "text not loaded")"))
                    case .moved, .changed, .gone:
                        let newest = r.newest.map { "@\($0.date)" } ?? ""
                        let review = r.needsReview ? "needs review: " : ""
                        var message = "\(cell): \(review)quote pinned to \(evidence.documentRef)@\(r.version?.date.description ?? "?") is \(r.status.rawValue) in the newest version \(newest)"
                        if r.status == .moved, let s = r.drift?.anchor?.section { message += " (now under \(s))" }
                        if r.status == .changed, let sim = r.drift?.similarity { message += " (closest match \(Int(sim * 100))% similar)" }
                        report.diagnostics.append(Diagnostic(.warning, evidence.location, message))
                    default:
                        break
                    }
                }
                if review { report.needsReview.append(verdict) }
            }
        }
        return report
    }

    /// Whether a problem's file belongs to one of the vendors (`…/vendors/<id>/…`), or to no
    /// vendor at all (questions.yaml, a sources folder), which concerns everyone.
    static func concerns(_ location: SourceLocation, _ vendors: Set<String>) -> Bool {
        let parts = location.file.split(separator: "/").map(String.init)
        guard let i = parts.lastIndex(of: "vendors"), i + 1 < parts.count else { return true }
        return vendors.contains(parts[i + 1])
    }
}

extension Catalog {
    /// The quotes of these verdicts that do not anchor in the version they cite, as errors at
    /// their `quote` entries. Commands that print evidence print it marked `broken`, then these,
    /// and exit 65 (README, Exit codes).
    public func brokenQuotes(in verdicts: [Verdict]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for verdict in verdicts {
            for evidence in verdict.evidence {
                let r = resolve(evidence)
                guard r.status == .broken, !r.missingDocument else { continue }
                let cell = "\(verdict.vendor)/\(verdict.surface)/\(verdict.question)"
                out.append(Diagnostic(.error, r.textError?.location ?? evidence.quoteLocation ?? evidence.location, "\(cell): \(r.problem ?? "quote does not anchor")"))
            }
        }
        return out
    }
}
