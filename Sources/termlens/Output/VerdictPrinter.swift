import PolicyModel
import TextCells

/// Plain-text views of the catalog: readable in a pipe, with no escape codes unless on a terminal.
struct VerdictPrinter {
    let app: AppContext
    var catalog: Catalog { app.catalog }
    var lang: Language { app.language }
    var style: TextStyle { app.style }

    /// Questions shown in the overview: the ones people ask first.
    static let keyQuestions = ["train-on-inputs", "training-opt-out", "retention"]

    func cell(_ verdict: Verdict?) -> String {
        guard let verdict else { return "·" }
        return "\(verdict.answer.symbol) \(verdict.answer.word(lang))"
    }

    /// The overview printed by a bare `termlens` when not on a terminal.
    func overview() {
        Console.out(style.bold("termlens — what AI vendors' terms say about your data"))
        Console.out()
        let questions = Self.keyQuestions.compactMap(catalog.question)
        var table = TextTable(header: ["vendor", "surface"] + questions.map { $0.title.text(lang) })
        table.maxWidth = 400
        for vendor in catalog.vendors {
            for surface in vendor.surfaces {
                // Long surface names are cut: the answers are what this table is for.
                table.add([vendor.name, surface.name.truncated(toWidth: 34)] + questions.map { cell(vendor.verdict(surface: surface.id, question: $0.id)) })
            }
        }
        table.render().forEach { Console.out($0) }
        Console.out()
        Console.out(legend())
        footer()
    }

    func legend() -> String {
        Answer.allCases.map { "\($0.symbol) \($0.word(lang))" }.joined(separator: "  ")
    }

    func footer() {
        let others = catalog.vendors.count - catalog.analysedVendors.count
        if others > 0 {
            Console.out(style.dim("\(others) more service\(others == 1 ? "" : "s") of the loaded sources without verdicts: termlens show lists them."))
        }
        if catalog.sources.isEmpty {
            Console.out(style.dim("Full document texts are not loaded: add --sources DIR (an Open Terms Archive dataset) to anchor quotes in them."))
        }
        Console.out(style.dim("More: termlens show VENDOR [SURFACE [QUESTION]], termlens search QUERY, termlens --help"))
    }

    /// Analysed vendors with their answer counts, then the services of the loaded sources that
    /// have no verdicts, with their document and version counts.
    func vendorList() {
        var table = TextTable(header: ["id", "name", "country", "surfaces", "✓ yes", "✗ no", "◐ cond.", "∅ silent", "? unknown"])
        for v in catalog.analysedVendors {
            func n(_ a: Answer) -> String { String(v.verdicts.filter { $0.answer == a }.count) }
            table.add([v.id, v.name, v.country ?? "", v.surfaces.map(\.id).joined(separator: ","), n(.yes), n(.no), n(.conditional), n(.silent), n(.unknown)])
        }
        table.render().forEach { Console.out($0) }
        let others = catalog.vendors.filter { !$0.analysed }
        guard !others.isEmpty else { return }
        Console.out()
        Console.out(style.bold("Services without verdicts (\(others.count), from the loaded sources)"))
        var rest = TextTable(header: ["id", "name", "documents", "versions", "newest"])
        for v in others {
            let versions = v.documents.flatMap(\.versions)
            rest.add([v.id, v.name, String(v.documents.count), String(versions.count), versions.map(\.date).max()?.description ?? ""])
        }
        rest.render().forEach { Console.out($0) }
    }

    func vendor(_ v: Vendor) {
        Console.out(style.bold(v.name) + (v.legalName.map { " — \($0)" } ?? "") + (v.country.map { " (\($0))" } ?? ""))
        if let home = v.homepage { Console.out(home) }
        Console.out()
        guard v.analysed else {
            Console.out("Not analysed: termlens has no verdicts for this Open Terms Archive service; its documents can be read, searched and diffed.")
            Console.out()
            documents(v)
            return
        }
        var table = TextTable(header: ["question"] + v.surfaces.map { "\($0.id): \($0.name)" })
        table.maxWidth = 400
        for q in catalog.questions {
            table.add([q.title.text(lang)] + v.surfaces.map { cell(v.verdict(surface: $0.id, question: q.id)) })
        }
        table.render().forEach { Console.out($0) }
        Console.out()
        documents(v)
        if !v.events.isEmpty {
            Console.out()
            Console.out(style.bold("Timeline"))
            for e in v.events { Console.out("  \(e.date)  \(e.title.text(lang))") }
        }
        if !v.contacts.isEmpty {
            Console.out()
            Console.out(style.bold("Contacts"))
            for c in v.contacts { Console.out("  \(c.kind): \(c.value)\(c.note.map { " — \($0)" } ?? "")") }
        }
    }

    private func documents(_ v: Vendor) {
        Console.out(style.bold("Documents"))
        for d in v.documents {
            let versions = d.versions.isEmpty ? "text not loaded" : "\(d.versions.count) version\(d.versions.count == 1 ? "" : "s"), newest \(d.newest?.date.description ?? "")"
            let marks = (d.role == .secondary ? " [secondary]" : "") + (d.analysed || !v.analysed ? "" : " [not analysed]")
            Console.out("  \(d.id)  \(d.title.text(lang))\(marks)  (\(versions))")
        }
    }

    func surface(_ v: Vendor, _ surfaceID: String) {
        let name = v.surface(surfaceID)?.name ?? surfaceID
        Console.out(style.bold("\(v.name) — \(name)"))
        Console.out()
        for q in catalog.questions {
            guard let verdict = v.verdict(surface: surfaceID, question: q.id) else {
                Console.out("· \(q.title.text(lang))  (no verdict)")
                continue
            }
            Console.out("\(verdict.answer.symbol) \(style.bold(verdict.answer.word(lang)))  \(q.title.text(lang))")
            Console.out("    \(verdict.summary.text(lang))")
        }
    }

    func verdict(_ verdict: Verdict) {
        let q = catalog.question(verdict.question)
        let vendorName = catalog.vendor(verdict.vendor)?.name ?? verdict.vendor
        let surfaceName = catalog.vendor(verdict.vendor)?.surface(verdict.surface)?.name ?? verdict.surface
        Console.out(style.bold("\(vendorName) — \(surfaceName)"))
        Console.out(q?.title.text(lang) ?? verdict.question)
        Console.out()
        Console.out("\(verdict.answer.symbol) \(style.bold(verdict.answer.word(lang)))   as of \(verdict.asOf)")
        let review = catalog.reviewReasons(verdict)
        if !review.isEmpty {
            let which = review.map { "\($0.evidence.documentRef) (\($0.status.rawValue) @\($0.newest?.date.description ?? "?"))" }
            Console.out(style.match("Needs review: ") + "the newest version changed or removed a quote: " + which.joined(separator: ", "))
        }
        Console.out(verdict.summary.text(lang))
        if let advice = verdict.advice {
            Console.out()
            Console.out(style.bold("Advice: ") + advice.text(lang))
        }
        if !verdict.examined.isEmpty {
            Console.out()
            Console.out("Documents examined: " + verdict.examined.joined(separator: ", "))
        }
        for (n, e) in verdict.evidence.enumerated() {
            let r = catalog.resolve(e)
            let doc = catalog.document(vendor: e.vendor, id: e.document)
            Console.out()
            var head = "[\(n + 1)] \(doc?.title.text(lang) ?? e.documentRef)"
            if let date = r.version?.date ?? e.version { head += " @\(date)" }
            if let section = r.anchor?.section { head += " §\(section)" }
            if doc?.role == .secondary { head += " [secondary source]" }
            Console.out(style.bold(head))
            Console.out("    “\(Sanitizer.sanitize(e.quote))”")
            if let note = e.note { Console.out("    → \(note.text(lang))") }
            Console.out(style.dim("    \(e.documentRef)  \(statusLine(r))"))
        }
        if catalog.sources.isEmpty && verdict.evidence.contains(where: { catalog.resolve($0).status == .unverified }) {
            Console.out()
            Console.out(style.dim("Full texts are not loaded; quotes are shown as recorded. Add --sources DIR to anchor them."))
        }
    }

    func statusLine(_ r: ResolvedEvidence) -> String {
        switch r.status {
        case .anchored:
            return "anchored at \(r.anchor?.start ?? 0)–\(r.anchor?.end ?? 0)"
        case .unverified:
            return "unverified: " + (r.problem ?? "text not loaded")
        case .still:
            return "still in the newest version (\(r.newest?.date.description ?? ""))"
        case .moved:
            return "moved in the newest version (\(r.newest?.date.description ?? ""))" + (r.drift?.anchor?.section.map { " to §\($0)" } ?? "")
        case .changed:
            return "CHANGED in the newest version (\(r.newest?.date.description ?? "")): the quoted text was edited"
        case .gone:
            return "GONE from the newest version (\(r.newest?.date.description ?? ""))"
        case .broken:
            return "BROKEN: " + (r.problem ?? "")
        }
    }
}
