/// Cross-checks the merged analysis: references, uniqueness, and what each answer requires.
struct Validator {
    let questions: [Question]
    let vendors: [Vendor]

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
                    out.append(Diagnostic(.error, doc.location, "unknown surface `\(s)`: \(vendor.id) has \(surfaceIDs.sorted().joined(separator: ", "))"))
                }
            }
            var seen: [String: SourceLocation] = [:]
            for verdict in vendor.verdicts {
                let key = verdict.surface + "/" + verdict.question
                if let first = seen[key] {
                    out.append(Diagnostic(.error, verdict.location, "duplicate verdict for \(key) (first at \(first))"))
                }
                seen[key] = verdict.location
                if !surfaceIDs.contains(verdict.surface) {
                    out.append(Diagnostic(.error, verdict.location, "unknown surface `\(verdict.surface)`: \(vendor.id) has \(surfaceIDs.sorted().joined(separator: ", "))"))
                }
                if !questionIDs.contains(verdict.question) {
                    out.append(Diagnostic(.error, verdict.location, "unknown question `\(verdict.question)`: questions are \(questions.map(\.id).joined(separator: ", "))"))
                }
                if verdict.answer.needsEvidence && verdict.evidence.isEmpty {
                    out.append(Diagnostic(.error, verdict.location, "answer `\(verdict.answer.rawValue)` needs evidence: at least one quote"))
                }
                if verdict.answer == .silent && verdict.examined.isEmpty {
                    out.append(Diagnostic(.error, verdict.location, "answer `silent` must list the documents `examined`"))
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
                    if let version = e.version, doc.ota == nil, doc.version(version) == nil {
                        out.append(Diagnostic(.error, e.location, "evidence cites \(e.documentRef)@\(version), but that document has versions \(doc.versions.map { $0.date.description }.joined(separator: ", "))"))
                    }
                }
            }
        }
        return out
    }

    private func resolve(_ ref: String, from vendor: Vendor) -> PolicyDocument? {
        let parts = ref.split(separator: "/").map(String.init)
        if parts.count == 2 { return vendors.first { $0.id == parts[0] }?.document(parts[1]) }
        return vendor.document(ref)
    }
}
