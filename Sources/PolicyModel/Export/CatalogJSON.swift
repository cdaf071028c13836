/// The JSON shapes of the command line (README, "JSON output"). Offsets are Unicode scalars.
public struct CatalogJSON {
    public let catalog: Catalog
    public let language: Language

    public init(catalog: Catalog, language: Language) {
        self.catalog = catalog
        self.language = language
    }

    public func question(_ q: Question) -> JSONValue {
        .object([
            ("id", .string(q.id)),
            ("title", .string(q.title.text(language))),
            ("description", .string(q.description.text(language))),
            ("favourable", .string(q.favourable.rawValue)),
        ])
    }

    /// `show --json`: one entry per vendor.
    public func vendorSummary(_ v: Vendor) -> JSONValue {
        var counts: [(String, JSONValue)] = []
        for answer in Answer.allCases {
            counts.append((answer.rawValue, .int(v.verdicts.filter { $0.answer == answer }.count)))
        }
        return .object([
            ("id", .string(v.id)),
            ("name", .string(v.name)),
            ("legal_name", .optional(v.legalName)),
            ("country", .optional(v.country)),
            ("homepage", .optional(v.homepage)),
            ("surfaces", .array(v.surfaces.map(surface))),
            ("counts", .object(counts)),
            ("analysed", .bool(v.analysed)),
            ("documents", .int(v.documents.count)),
            ("versions", .int(v.documents.reduce(0) { $0 + $1.versions.count })),
        ])
    }

    /// `show V --json`.
    public func vendorDetail(_ v: Vendor) -> JSONValue {
        .object([
            ("id", .string(v.id)),
            ("name", .string(v.name)),
            ("legal_name", .optional(v.legalName)),
            ("country", .optional(v.country)),
            ("homepage", .optional(v.homepage)),
            ("analysed", .bool(v.analysed)),
            ("contacts", .array(v.contacts.map { c in
                .object([("kind", .string(c.kind)), ("value", .string(c.value)), ("note", .optional(c.note))])
            })),
            ("surfaces", .array(v.surfaces.map(surface))),
            ("documents", .array(v.documents.map(document))),
            ("verdicts", .array(v.verdicts.map(verdict))),
            ("events", .array(v.events.map { e in
                .object([("date", .string(e.date.description)), ("title", .string(e.title.text(language))), ("source", .string(e.source))])
            })),
        ])
    }

    func surface(_ s: Surface) -> JSONValue {
        .object([("id", .string(s.id)), ("name", .string(s.name)), ("description", .optional(s.description))])
    }

    public func document(_ d: PolicyDocument) -> JSONValue {
        .object([
            ("id", .string(d.id)),
            ("document", .string(d.ref)),
            ("title", .string(d.title.text(language))),
            ("type", .string(d.type)),
            ("language", .string(d.language)),
            ("surfaces", .array(d.surfaces.map(JSONValue.string))),
            ("url", .optional(d.url)),
            ("role", .string(d.role.rawValue)),
            ("analysed", .bool(d.analysed)),
            ("versions", .array(d.versions.map { v in
                var fields: [(String, JSONValue)] = [("date", .string(v.date.description)), ("path", .string(v.path)), ("origin", .string(v.origin.rawValue))]
                if let git = v.git { fields.append(("commit", .string(git.commit))) }
                return .object(fields)
            })),
        ])
    }

    /// A verdict with each piece of evidence anchored against the loaded texts.
    public func verdict(_ v: Verdict) -> JSONValue {
        let title = catalog.question(v.question)?.title.text(language)
        let resolved = v.evidence.map(catalog.resolve)
        var fields: [(String, JSONValue)] = [
            ("vendor", .string(v.vendor)),
            ("surface", .string(v.surface)),
            ("question", .string(v.question)),
            ("question_title", .optional(title)),
            ("answer", .string(v.answer.rawValue)),
            ("summary", .string(v.summary.text(language))),
            ("as_of", .string(v.asOf.description)),
            ("advice", .optional(v.advice?.text(language))),
            ("examined", .array(v.examined.map { .string($0.contains("/") ? $0 : "\(v.vendor)/\($0)") })),
            ("evidence", .array(resolved.map(evidence))),
            ("needs_review", .bool(resolved.contains(where: \.needsReview))),
        ]
        if v.answer == .unknown { fields.append(("missing", .array(v.missing.map(JSONValue.string)))) }
        return .object(fields)
    }

    public func evidence(_ r: ResolvedEvidence) -> JSONValue {
        let e = r.evidence
        let doc = catalog.document(vendor: e.vendor, id: e.document)
        var pairs: [(String, JSONValue)] = [
            ("document", .string(e.documentRef)),
            ("version", .optional((r.version?.date ?? e.version)?.description)),
            ("quote", .string(e.quote)),
            ("note", .optional(e.note?.text(language))),
            ("role", .string((doc?.role ?? .primary).rawValue)),
            ("status", .string(r.status.rawValue)),
            ("section", .optional(r.anchor?.section)),
            ("start", .optional(r.anchor?.start)),
            ("end", .optional(r.anchor?.end)),
        ]
        if let prefix = e.prefix { pairs.append(("prefix", .string(prefix))) }
        if let suffix = e.suffix { pairs.append(("suffix", .string(suffix))) }
        if let newest = r.newest {
            pairs.append(("newest", .object([
                ("version", .string(newest.date.description)),
                ("section", .optional(r.drift?.anchor?.section)),
                ("start", .optional(r.drift?.anchor?.start)),
                ("end", .optional(r.drift?.anchor?.end)),
            ])))
        }
        if let problem = r.problem { pairs.append(("problem", .string(problem))) }
        return .object(pairs)
    }

    /// `export --format json`.
    public func export(vendors: [Vendor]) -> JSONValue {
        .object([
            ("questions", .array(catalog.questions.map(question))),
            ("vendors", .array(vendors.map(vendorDetail))),
        ])
    }
}

extension CatalogJSON {
    /// `changes --json`: one recorded version and what it changed (README, "What changed").
    public func change(_ c: DocumentChange) -> JSONValue {
        .object([
            ("vendor", .string(c.document.vendor)),
            ("document", .string(c.document.ref)),
            ("title", .string(c.document.title.text(language))),
            ("date", .string(c.version.recordedTime)),
            ("previous", .optional(c.previous?.recordedTime)),
            ("kind", .string(c.kind.rawValue)),
            ("status", .string(c.status.rawValue)),
            ("sections", .array(c.sections.map(JSONValue.string))),
            ("added", .int(c.added)),
            ("removed", .int(c.removed)),
            ("changed", .int(c.changed)),
            ("affects", .array(c.affects.map { a in
                .object([("vendor", .string(a.vendor)), ("surface", .string(a.surface)), ("question", .string(a.question)), ("status", .string(a.status.rawValue))])
            })),
            ("seen", .bool(c.seen)),
        ])
    }
}
