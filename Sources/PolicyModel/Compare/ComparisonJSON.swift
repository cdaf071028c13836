/// JSON of `compare` and `diff` (README, "JSON output"; DESIGN §3).
extension CatalogJSON {
    /// `{columns[{vendor, surface}], verdicts[]}`, plus `rows` (per question, the answer of each column, null where none).
    public func comparison(_ c: VendorComparison) -> JSONValue {
        .object([
            ("columns", .array(c.columns.map { col in
                .object([("vendor", .string(col.vendor)), ("surface", .string(col.surface)),
                         ("vendor_name", .string(col.vendorName)), ("surface_name", .string(col.surfaceName))])
            })),
            ("verdicts", .array(c.verdicts.map(verdict))),
            ("rows", .array(c.rows.map { row in
                .object([("question", .string(row.question.id)),
                         ("answers", .array(row.cells.map { .optional($0?.answer.rawValue) }))])
            })),
        ])
    }

    /// `{documents[], pairs[{left, right}]}` for two documents; for more, `rows[{clauses[]}]` too.
    public func comparison(_ c: DocumentComparison) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("documents", .array(c.documents.map { d in
                .object([("document", .string(d.document.ref)), ("version", .string(d.version.date.description)),
                         ("title", .string(d.document.title.text(language))), ("language", .string(d.document.language))])
            })),
            ("pairs", .array(c.pairs.map { p in
                .object([("left", clause(p.left)), ("right", clause(p.right))])
            })),
        ]
        if c.documents.count > 2 {
            pairs.append(("rows", .array(c.rows.map { row in .object([("clauses", .array(row.map(clause)))]) })))
        }
        return .object(pairs)
    }

    func clause(_ c: Clause?) -> JSONValue {
        guard let c else { return .null }
        return .object([
            ("section", .optional(c.section)),
            ("text", .string(c.text)),
            ("number", .optional(c.key?.description)),
            ("start", .int(c.start)),
            ("end", .int(c.end)),
            ("quoted_by", .array(c.quotedBy.map { r in
                .object([("vendor", .string(r.vendor)), ("surface", .string(r.surface)), ("question", .string(r.question))])
            })),
        ])
    }

    /// `{document, old, new, changes[], evidence[]}`.
    public func diff(document: PolicyDocument, old: DocumentVersion, new: DocumentVersion, raw: Bool,
                     changes: [TextChange], evidence: [EvidenceDrift]) -> JSONValue {
        .object([
            ("document", .string(document.ref)),
            ("old", .string(old.date.description)),
            ("new", .string(new.date.description)),
            ("raw", .bool(raw)),
            ("changes", .array(changes.map(change))),
            ("evidence", .array(evidence.map(drift))),
        ])
    }

    func change(_ c: TextChange) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("kind", .string(c.kind.rawValue)),
            ("section", .optional(c.section)),
            ("old_text", .optional(c.oldText)),
            ("new_text", .optional(c.newText)),
            ("old_section", .optional(c.oldSection)),
            ("old_start", .optional(c.oldRange?.lowerBound)),
            ("old_end", .optional(c.oldRange?.upperBound)),
            ("new_start", .optional(c.newRange?.lowerBound)),
            ("new_end", .optional(c.newRange?.upperBound)),
        ]
        if !c.spans.isEmpty {
            pairs.append(("spans", .array(c.spans.map { .object([("op", .string($0.op.rawValue)), ("text", .string($0.text))]) })))
        }
        return .object(pairs)
    }

    func drift(_ d: EvidenceDrift) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("vendor", .string(d.verdict.vendor)),
            ("surface", .string(d.verdict.surface)),
            ("question", .string(d.verdict.question)),
            ("quote", .string(d.evidence.quote)),
            ("status", .string(d.status.rawValue)),
            ("document", .string(d.evidence.documentRef)),
            ("version", .optional(d.evidence.version?.description)),
            ("in_old", .bool(d.oldAnchor != nil)),
            ("old_section", .optional(d.oldAnchor?.section)),
            ("section", .optional(d.drift.anchor?.section)),
            ("start", .optional(d.drift.anchor?.start)),
            ("end", .optional(d.drift.anchor?.end)),
        ]
        if let closest = d.drift.closest { pairs.append(("closest", .string(closest))) }
        if let similarity = d.drift.similarity { pairs.append(("similarity", .double((similarity * 100).rounded() / 100))) }
        if let old = d.oldClosest, let closest = old.closest, let similarity = old.similarity {
            pairs.append(("old_closest", .string(closest)))
            pairs.append(("old_similarity", .double((similarity * 100).rounded() / 100)))
        }
        return .object(pairs)
    }

    /// `diff VENDOR/DOC --versions --json`: each version and what it changed.
    public func history(document: PolicyDocument, steps: [VersionStep]) -> JSONValue {
        .object([
            ("document", .string(document.ref)),
            ("versions", .array(steps.map { s in
                .object([
                    ("date", .string(s.version.date.description)),
                    ("path", .string(s.version.path)),
                    ("origin", .string(s.version.origin.rawValue)),
                    ("status", .string(s.status.rawValue)),
                    ("added", .int(s.added)),
                    ("removed", .int(s.removed)),
                    ("changed", .int(s.changed)),
                ])
            })),
        ])
    }
}
