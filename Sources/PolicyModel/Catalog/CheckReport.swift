/// The outcome of `termlens check`: every loading problem and every quote anchored or not.
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var verdicts = 0
    public var quotes = 0
    public var counts: [EvidenceStatus: Int] = [:]
    public var resolved: [ResolvedEvidence] = []

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
    public func check(strict: Bool) -> CheckReport {
        var report = CheckReport(diagnostics: diagnostics)
        var badFiles = Set<String>()
        for vendor in vendors {
            for verdict in vendor.verdicts {
                report.verdicts += 1
                for evidence in verdict.evidence {
                    report.quotes += 1
                    let r = resolve(evidence)
                    report.counts[r.status, default: 0] += 1
                    report.resolved.append(r)
                    let cell = "\(vendor.id)/\(verdict.surface)/\(verdict.question)"
                    switch r.status {
                    case .broken where r.missingDocument:
                        break // validation has reported it
                    case .broken where r.textError != nil:
                        if let error = r.textError, badFiles.insert(error.path).inserted {
                            report.diagnostics.append(Diagnostic(.error, error.location, error.message))
                        }
                    case .broken:
                        report.diagnostics.append(Diagnostic(.error, evidence.location, "\(cell): \(r.problem ?? "quote does not anchor")"))
                    case .unverified where strict:
                        report.diagnostics.append(Diagnostic(.error, evidence.location, "\(cell): unverified: \(r.problem ?? "text not loaded")"))
                    case .moved, .changed, .gone:
                        let newest = r.newest.map { "@\($0.date)" } ?? ""
                        var message = "\(cell): quote pinned to \(evidence.documentRef)@\(r.version?.date.description ?? "?") is \(r.status.rawValue) in the newest version \(newest)"
                        if r.status == .moved, let s = r.drift?.anchor?.section { message += " (now under \(s))" }
                        if r.status == .changed, let sim = r.drift?.similarity { message += " (closest match \(Int(sim * 100))% similar)" }
                        report.diagnostics.append(Diagnostic(.warning, evidence.location, message))
                    default:
                        break
                    }
                }
            }
        }
        return report
    }
}
