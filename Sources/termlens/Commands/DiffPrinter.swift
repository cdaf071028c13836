import PolicyModel
import TextCells

/// Plain-text output of `diff`: changes by section with word marks, quote drift, version lists.
struct DiffPrinter {
    let app: AppContext
    var style: TextStyle { app.style }
    /// Unchanged stretches longer than this are shortened to their ends.
    static let context = 60

    func diff(_ doc: PolicyDocument, _ old: DocumentVersion, _ new: DocumentVersion,
              changes: [TextChange], evidence: [EvidenceDrift], raw: Bool) {
        Console.out(style.bold("\(doc.ref)  \(old.date) → \(new.date)") + style.dim(raw ? "  (raw: every difference)" : "  (noise filtered; --raw shows every difference)"))
        let count = { (k: TextChange.Kind) in changes.filter { $0.kind == k }.count }
        Console.out(changes.isEmpty ? "No change." : "\(changes.count.counted("change")): \(count(.changed)) changed, \(count(.added)) added, \(count(.removed)) removed")
        var lastSection: String?? = .none
        for change in changes {
            if lastSection != .some(change.section) {
                Console.out()
                Console.out(style.bold("§ " + (change.section ?? "(opening)")))
                lastSection = .some(change.section)
            }
            switch change.kind {
            case .added:
                Console.out("  added:   " + style.number(WdiffMarks.marked(line(change.newText ?? ""), .added)))
            case .removed:
                Console.out("  removed: " + style.match(WdiffMarks.marked(line(change.oldText ?? ""), .removed)))
            case .changed:
                Console.out("  changed: " + marked(change.spans))
            }
        }
        guard !evidence.isEmpty else { return }
        Console.out()
        Console.out(style.bold("Quotes in this document, \(old.date) → \(new.date)"))
        for e in evidence {
            var where_ = e.drift.anchor?.section.map { " §\($0)" } ?? ""
            if e.status == .changed, let s = e.drift.similarity { where_ += " (\(Int(s * 100))% similar)" }
            if e.status == .changed, let s = e.oldClosest?.similarity { where_ += " (edited: \(Int(s * 100))% similar in \(old.date))" }
            let quote = Sanitizer.sanitize(e.evidence.quote).truncated(toWidth: 70)
            let status = e.oldAnchor == nil && e.status == .moved ? "new" : e.status.rawValue
            Console.out("  \(status.padded(toWidth: 8)) \(e.verdict.vendor)/\(e.verdict.surface)/\(e.verdict.question)\(where_)  “\(quote)”")
        }
    }

    /// A changed paragraph with `[-removed-]` and `{+added+}` marks (coloured too on a terminal),
    /// long unchanged stretches shortened to their ends.
    func marked(_ spans: [DiffSpan]) -> String {
        let spans = DiffExcerpt.shortened(WdiffMarks.marked(spans).map { DiffSpan($0.op, line($0.text)) }, context: Self.context)
        return spans.map { span in
            switch span.op {
            case .equal: span.text
            case .removed: style.match(span.text)
            case .added: style.number(span.text)
            }
        }.joined()
    }

    /// Text on one line, control characters made visible.
    private func line(_ s: String) -> String {
        Sanitizer.sanitize(s.split(whereSeparator: \.isNewline).joined(separator: " ⏎ "))
    }

    // MARK: version lists

    func history(_ doc: PolicyDocument, onlyReal: Bool, json: Bool) {
        let steps = app.catalog.history(of: doc)
        let shown = onlyReal ? steps.filter { $0.status == .real || $0.status == .first || $0.status == .unreadable } : steps
        if json {
            Console.out(CatalogJSON(catalog: app.catalog, language: app.language).history(document: doc, steps: shown).rendered())
            return
        }
        if steps.isEmpty {
            Console.out("\(doc.ref): no version loaded" + (doc.ota != nil ? " (add --sources DIR)" : ""))
            return
        }
        var table = TextTable(header: ["date", "origin", "status", "changed", "added", "removed"])
        for s in shown {
            let counts = s.status == .real ? [String(s.changed), String(s.added), String(s.removed)] : ["", "", ""]
            table.add([s.version.date.description, s.version.origin.rawValue, s.status.rawValue] + counts)
        }
        table.render().forEach { Console.out($0) }
        Console.out(style.dim(summary(steps) + (onlyReal ? "; versions without a real change hidden" : "")))
    }

    func summary(_ steps: [VersionStep]) -> String {
        let n = { (s: VersionStep.Status) in steps.filter { $0.status == s }.count }
        return "\(steps.count.counted("version")): \(n(.real)) with real changes, \(n(.noise)) noise only, \(n(.repeated)) repeating an earlier text, \(n(.identical)) identical" + (n(.unreadable) > 0 ? ", \(n(.unreadable)) unreadable" : "")
    }

    /// `diff --versions` with no document: the count for every document with a loaded history.
    func historySummary(json: Bool) {
        let documents = app.catalog.vendors.flatMap { $0.documents.filter { $0.versions.count >= 2 } }
        let rows = Array(zip(documents, app.catalog.histories(of: documents)))
        let n = { (steps: [VersionStep], s: VersionStep.Status) in steps.filter { $0.status == s }.count }
        if json {
            Console.out(JSONValue.array(rows.map { doc, steps in
                .object([("document", .string(doc.ref)), ("versions", .int(steps.count)), ("real", .int(n(steps, .real))),
                         ("noise", .int(n(steps, .noise))), ("repeated", .int(n(steps, .repeated))), ("identical", .int(n(steps, .identical))), ("unreadable", .int(n(steps, .unreadable)))])
            }).rendered())
            return
        }
        var table = TextTable(header: ["document", "versions", "real change", "noise only", "repeated", "identical"])
        for (doc, steps) in rows {
            table.add([doc.ref, String(steps.count), String(n(steps, .real)), String(n(steps, .noise)), String(n(steps, .repeated)), String(n(steps, .identical))])
        }
        table.render().forEach { Console.out($0) }
        if rows.isEmpty { Console.out("No document has two versions loaded: add --sources DIR.") }
    }
}
