/// Cross-checks the merged analysis: references, uniqueness, and what each answer requires.
struct Validator {
    let questions: [Question]
    let vendors: [Vendor]
    var sources = OTASources()
    var today = SimpleDate.today()

    func run() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let questionIDs = Set(questions.map(\.id))
        for vendor in vendors {
            let surfaceIDs = Set(vendor.surfaces.map(\.id))
            var docIDs = Set<String>()
            for doc in vendor.documents {
                if surfaceIDs.contains(doc.id) {
                    out.append(Diagnostic(.error, doc.location, "document id `\(doc.id)` collides with a surface id of \(vendor.id)"))
                }
                docIDs.insert(doc.id)
                for s in doc.surfaces where !surfaceIDs.contains(s) {
                    out.append(Diagnostic(.error, doc.location, "unknown surface `\(s)`\(Suggestion.hint(s, in: Array(surfaceIDs))): \(vendor.id) has \(surfaceIDs.sorted().joined(separator: ", "))"))
                }
                if let ota = doc.ota, !sources.isEmpty, !sources.hasBinding(ota) {
                    out.append(Diagnostic(.warning, doc.location, bindingHint(ota)))
                }
            }
            out += eventProblems(vendor)
            var seen: [String: SourceLocation] = [:]
            for verdict in vendor.verdicts {
                let key = verdict.surface + "/" + verdict.question
                if let first = seen[key] {
                    out.append(Diagnostic(.error, verdict.location, "duplicate verdict for \(key) (first at \(first))"))
                }
                seen[key] = verdict.location
                if !surfaceIDs.contains(verdict.surface) {
                    out.append(Diagnostic(.error, verdict.location, "unknown surface `\(verdict.surface)`\(Suggestion.hint(verdict.surface, in: Array(surfaceIDs))): \(vendor.id) has \(surfaceIDs.sorted().joined(separator: ", "))"))
                }
                if !questionIDs.contains(verdict.question) {
                    out.append(Diagnostic(.error, verdict.location, "unknown question `\(verdict.question)`\(Suggestion.hint(verdict.question, in: questions.map(\.id))): questions are \(questions.map(\.id).joined(separator: ", "))"))
                }
                if verdict.answer.needsEvidence && verdict.evidence.isEmpty {
                    out.append(Diagnostic(.error, verdict.location, "answer `\(verdict.answer.rawValue)` needs evidence: at least one quote"))
                }
                if verdict.answer == .silent && verdict.examined.isEmpty {
                    out.append(Diagnostic(.error, verdict.location, "answer `silent` must list the documents `examined`"))
                }
                if verdict.answer == .unknown && verdict.missing.isEmpty {
                    out.append(Diagnostic(.error, verdict.location, "answer `unknown` must name the documents that would settle it in `missing` (titles or URLs)"))
                }
                if verdict.answer != .unknown && !verdict.missing.isEmpty {
                    out.append(Diagnostic(.error, verdict.location, "`missing` belongs to answer `unknown` only (this one is `\(verdict.answer.rawValue)`)"))
                }
                for doc in verdict.examined {
                    if resolve(doc, from: vendor) == nil {
                        out.append(Diagnostic(.error, verdict.location, "`examined` names `\(doc)`, which is not a document of \(vendor.id)"))
                    }
                }
                for e in verdict.evidence {
                    guard let doc = vendors.first(where: { $0.id == e.vendor })?.document(e.document) else {
                        out.append(Diagnostic(.error, e.location, "evidence cites document `\(e.documentRef)`, which does not exist"))
                        continue
                    }
                    if let version = e.version, let problem = VersionCheck.problem(version, of: doc) {
                        // An archived document's loaded history may lack a version another dataset
                        // has (histories and samples are recorded apart): the quote is unverified,
                        // which `check --strict` fails on. A document carried in the data has all.
                        out.append(Diagnostic(doc.ota != nil ? .warning : .error, e.location, "evidence cites \(e.documentRef)@\(version), but \(problem)"))
                    }
                }
                out += asOfProblems(verdict, in: vendor)
            }
        }
        return out
    }

    /// `as_of` is the newest version a verdict rests on: not after today, not before its evidence.
    private func asOfProblems(_ verdict: Verdict, in vendor: Vendor) -> [Diagnostic] {
        if verdict.asOf > today {
            return [Diagnostic(.error, verdict.location, "`as_of` \(verdict.asOf) is after today (\(today)): it is the date of the newest version the verdict rests on")]
        }
        var newest: SimpleDate?
        for e in verdict.evidence {
            let doc = vendors.first(where: { $0.id == e.vendor })?.document(e.document)
            // Secondary sources corroborate; the date a verdict is as of is its primary texts'.
            guard doc?.role != .secondary, let date = e.version ?? doc?.newest?.date else { continue }
            if newest.map({ date > $0 }) ?? true { newest = date }
        }
        if let newest, verdict.asOf < newest {
            return [Diagnostic(.error, verdict.location, "`as_of` \(verdict.asOf) is before the newest primary version its evidence cites (\(newest)): set it to \(newest)")]
        }
        return []
    }

    /// Events: a date (checked when read) and, for a `vendor/doc@YYYY-MM-DD` source, a
    /// document that exists and a version that is there when that part of its history is loaded.
    private func eventProblems(_ vendor: Vendor) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for event in vendor.events {
            let location = event.location ?? SourceLocation(file: vendor.origin)
            if event.date > today {
                out.append(Diagnostic(.error, location, "event dated \(event.date), after today (\(today))"))
            }
            guard let ref = EventSource(event.source) else { continue }
            guard let doc = vendors.first(where: { $0.id == ref.vendor })?.document(ref.document) else {
                let docs = vendors.first(where: { $0.id == ref.vendor })?.documents.map(\.id) ?? []
                let known = docs.isEmpty ? "no vendor `\(ref.vendor)`" : "\(ref.vendor) has documents \(docs.joined(separator: ", "))"
                out.append(Diagnostic(.error, location, "event source `\(event.source)` names a document that does not exist\(Suggestion.hint(ref.document, in: docs)): \(known)"))
                continue
            }
            if let date = ref.date, let problem = VersionCheck.problem(date, of: doc) {
                // A dataset may hold only part of an archived history (a sample keeps the
                // newest versions), so a date missing from it is a warning there.
                let severity: Diagnostic.Severity = doc.ota == nil ? .error : .warning
                let more = doc.ota == nil ? "" : " (load the full history to check it)"
                out.append(Diagnostic(severity, location, "event source `\(event.source)`: \(problem)\(more)"))
            }
        }
        return out
    }

    private func bindingHint(_ ota: OTABinding) -> String {
        let names = ota.services.joined(separator: " / ")
        let services = sources.services
        if let service = ota.services.first(where: { services.contains($0) }) {
            let types = sources.types(of: service)
            return "no loaded source has `\(service)/\(ota.type)`\(Suggestion.hint(ota.type, in: types)); \(service) has \(types.joined(separator: ", "))"
        }
        let hint = ota.services.lazy.compactMap { Suggestion.closest($0, in: services) }.first.map { " (did you mean `\($0)`?)" } ?? ""
        return "no loaded source has the service `\(names)`\(hint): its quotes stay unverified"
    }

    private func resolve(_ ref: String, from vendor: Vendor) -> PolicyDocument? {
        let parts = ref.split(separator: "/").map(String.init)
        if parts.count == 2 { return vendors.first { $0.id == parts[0] }?.document(parts[1]) }
        return vendor.document(ref)
    }
}

/// `vendor/doc@YYYY-MM-DD` (or `vendor/doc`) in an event's `source`; URLs and free text are not.
struct EventSource {
    var vendor: String
    var document: String
    var date: SimpleDate?

    init?(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard let path = parts.first, !text.contains(" "), !text.contains("://") else { return nil }
        let ids = path.split(separator: "/").map(String.init)
        guard ids.count == 2, ids.allSatisfy(Identifier.isValid) else { return nil }
        vendor = ids[0]
        document = ids[1]
        if parts.count == 2 {
            guard let d = SimpleDate(parts[1]) else { return nil }
            date = d
        }
    }
}

/// Whether a pinned version date can exist on a document, given what is loaded.
enum VersionCheck {
    /// nil when the version is there, or when it could be in history that is not loaded: an
    /// Open Terms Archive document whose loaded versions all come after the date (a sample
    /// holds only the newest) or all before it (a history recorded before the version was).
    /// Such a quote is unverified, which `check --strict` fails on. Otherwise what is wrong,
    /// with the versions there are.
    static func problem(_ date: SimpleDate, of doc: PolicyDocument) -> String? {
        if doc.version(date) != nil { return nil }
        guard let oldest = doc.versions.first else {
            if doc.ota != nil { return nil } // nothing loaded: the quote is unverified
            return "\(doc.ref) has no versions"
        }
        if doc.ota != nil && (date < oldest.date || date > (doc.versions.last?.date ?? oldest.date)) { return nil }
        let dates = doc.versions.map(\.date)
        let shown = dates.count > 12 ? ["…"] + dates.suffix(12).map(\.description) : dates.map(\.description)
        let nearest = dates.min { abs($0.dayNumber - date.dayNumber) < abs($1.dayNumber - date.dayNumber) }
        let hint = nearest.map { " (nearest: \($0))" } ?? ""
        return "\(doc.ref) has no version \(date)\(hint); its versions: \(shown.joined(separator: ", "))"
    }
}
