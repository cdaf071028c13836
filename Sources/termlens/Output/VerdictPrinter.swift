import PolicyModel
import TextCells

/// Plain-text views of the catalog: readable in a pipe, with no escape codes unless on a terminal.
struct VerdictPrinter {
    let app: AppContext
    var catalog: Catalog { app.catalog }
    var lang: Language { app.language }
    var style: TextStyle { app.style }

    /// Words in the interface language.
    func t(_ en: String, _ zh: String) -> String { lang == .zh ? zh : en }

    /// An answer's column header: its symbol and word.
    func header(_ answer: Answer) -> String { "\(answer.symbol) \(answer.word(lang))" }

    /// Questions shown in the overview: the ones people ask first.
    static let keyQuestions = ["train-on-inputs", "training-opt-out", "retention"]

    func cell(_ verdict: Verdict?) -> String {
        guard let verdict else { return "·" }
        return "\(verdict.answer.symbol) \(verdict.answer.word(lang))"
    }

    /// The overview printed by a bare `termlens` when not on a terminal.
    func overview() {
        Console.out(style.bold(t("termlens — what AI vendors' terms say about your data", "termlens — AI 厂商条款如何对待你的数据")))
        Console.out()
        let questions = Self.keyQuestions.compactMap(catalog.question)
        var table = TextTable(header: [t("vendor", "厂商"), t("surface", "产品")] + questions.map { $0.title.text(lang) })
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
        Answer.allCases.map(header).joined(separator: "  ")
    }

    func footer() {
        let others = catalog.vendors.count - catalog.analysedVendors.count
        if others > 0 {
            Console.out(style.dim(t("\(others) more service\(others == 1 ? "" : "s") of the loaded sources without verdicts: termlens show lists them.",
                                    "已加载来源中另有 \(others) 个未分析的服务：termlens show 列出它们。")))
        }
        if catalog.sources.isEmpty {
            Console.out(style.dim(t("Full document texts are not loaded: add --sources DIR (an Open Terms Archive dataset) to anchor quotes in them.",
                                    "文档全文未加载：加 --sources DIR（Open Terms Archive 数据集）以在原文中定位引文。")))
        }
        Console.out(style.dim(t("More: ", "更多：") + "termlens show VENDOR [SURFACE [QUESTION]], termlens search QUERY, termlens --help"))
    }

    /// Analysed vendors with their answer counts, then the services of the loaded sources that
    /// have no verdicts, with their document and version counts.
    func vendorList() {
        // Every answer has its column, so a vendor's counts add up to its verdicts.
        var table = TextTable(header: ["id", t("name", "名称"), t("country", "国家"), t("surfaces", "产品")] + Answer.allCases.map(header))
        for v in catalog.analysedVendors {
            let counts = Answer.allCases.map { a in String(v.verdicts.filter { $0.answer == a }.count) }
            table.add([v.id, v.name, v.country ?? "", v.surfaces.map(\.id).joined(separator: ",")] + counts)
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
            Console.out(t("Not analysed: termlens has no verdicts for this Open Terms Archive service; its documents can be read, searched and diffed.", "未分析：termlens 没有这个 Open Terms Archive 服务的结论；其文档可以阅读、搜索和比较。"))
            Console.out()
            documents(v)
            return
        }
        var table = TextTable(header: [t("question", "问题")] + v.surfaces.map { "\($0.id): \($0.name)" })
        table.maxWidth = 400
        for q in catalog.questions {
            table.add([q.title.text(lang)] + v.surfaces.map { cell(v.verdict(surface: $0.id, question: q.id)) })
        }
        table.render().forEach { Console.out($0) }
        Console.out()
        documents(v)
        if !v.events.isEmpty {
            Console.out()
            Console.out(style.bold(t("Timeline", "时间线")))
            for e in v.events { Console.out("  \(e.date)  \(e.title.text(lang))") }
        }
        if !v.contacts.isEmpty {
            Console.out()
            Console.out(style.bold(t("Contacts", "联系方式")))
            for c in v.contacts { Console.out("  \(c.kind): \(c.value)\(c.note.map { " — \($0)" } ?? "")") }
        }
    }

    private func documents(_ v: Vendor) {
        Console.out(style.bold(t("Documents", "文档")))
        for d in v.documents {
            let newest = d.newest?.date.description ?? ""
            let versions = d.versions.isEmpty ? t("text not loaded", "全文未加载")
                : t("\(d.versions.count.counted("version")), newest \(newest)", "\(d.versions.count) 个版本，最新 \(newest)")
            let marks = (d.role == .secondary ? t(" [secondary]", " [二手来源]") : "") + (d.analysed || !v.analysed ? "" : t(" [not analysed]", " [未分析]"))
            Console.out("  \(d.id)  \(d.title.text(lang))\(marks)  (\(versions))")
        }
    }

    func surface(_ v: Vendor, _ surfaceID: String) {
        let name = v.surface(surfaceID)?.name ?? surfaceID
        Console.out(style.bold("\(v.name) — \(name)"))
        Console.out()
        for q in catalog.questions {
            guard let verdict = v.verdict(surface: surfaceID, question: q.id) else {
                Console.out("· \(q.title.text(lang))  " + t("(no verdict)", "（无结论）"))
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
        Console.out("\(verdict.answer.symbol) \(style.bold(verdict.answer.word(lang)))   " + t("as of", "截至") + " \(verdict.asOf)")
        let review = catalog.reviewReasons(verdict)
        if !review.isEmpty {
            let which = review.map { "\($0.evidence.documentRef) (\($0.status.rawValue) @\($0.newest?.date.description ?? "?"))" }
            Console.out(style.match(t("Needs review: ", "需要复核：")) + t("the newest version changed or removed a quote: ", "最新版本改动或删除了引文：") + which.joined(separator: ", "))
        }
        Console.out(verdict.summary.text(lang))
        if let advice = verdict.advice {
            Console.out()
            Console.out(style.bold(t("Advice: ", "建议：")) + advice.text(lang))
        }
        if !verdict.examined.isEmpty {
            Console.out()
            Console.out(t("Documents examined: ", "已审阅文档：") + verdict.examined.joined(separator: ", "))
        }
        if !verdict.missing.isEmpty {
            Console.out()
            Console.out(t("Documents that would settle it (not loaded): ", "可以定论的文档（未加载）：") + verdict.missing.joined(separator: "; "))
        }
        for (n, e) in verdict.evidence.enumerated() {
            let r = catalog.resolve(e)
            let doc = catalog.document(vendor: e.vendor, id: e.document)
            Console.out()
            var head = "[\(n + 1)] \(doc?.title.text(lang) ?? e.documentRef)"
            if let date = r.version?.date ?? e.version { head += " @\(date)" }
            if let section = r.anchor?.section { head += " §\(section)" }
            if doc?.role == .secondary { head += t(" [secondary source]", " [二手来源]") }
            Console.out(style.bold(head))
            // A quote taken from a table cell: its `<br>` as line breaks, as the browser shows it (JSON keeps it verbatim).
            Console.out("    “\(Sanitizer.sanitize(e.quote).replacingLineBreakTags(with: "\n     "))”")
            if let note = e.note { Console.out("    → \(note.text(lang))") }
            Console.out(style.dim("    \(e.documentRef)  \(statusLine(r))"))
        }
        if catalog.sources.isEmpty && verdict.evidence.contains(where: { catalog.resolve($0).status == .unverified }) {
            Console.out()
            Console.out(style.dim(t("Full texts are not loaded; quotes are shown as recorded. Add --sources DIR to anchor them.",
                                    "全文未加载；引文按记录显示。加 --sources DIR 以在原文中定位。")))
        }
    }

    func statusLine(_ r: ResolvedEvidence) -> String {
        let newest = r.newest?.date.description ?? ""
        switch r.status {
        case .anchored:
            return t("anchored at", "定位于") + " \(r.anchor?.start ?? 0)–\(r.anchor?.end ?? 0)"
        case .unverified:
            return t("unverified: ", "未核验：") + (r.problem ?? t("text not loaded", "全文未加载"))
        case .still:
            return t("still in the newest version (\(newest))", "最新版本（\(newest)）中未变")
        case .moved:
            return t("moved in the newest version (\(newest))", "最新版本（\(newest)）中位置已变")
                + (r.drift?.anchor?.section.map { t(" to §\($0)", "，现为 §\($0)") } ?? "")
        case .changed:
            return t("CHANGED in the newest version (\(newest)): the quoted text was edited", "最新版本（\(newest)）中措辞已改：引文被修改")
        case .gone:
            return t("GONE from the newest version (\(newest))", "最新版本（\(newest)）中已删除")
        case .broken:
            return t("BROKEN: ", "失效：") + (r.problem ?? "")
        }
    }

    /// `show --question`: one question across every vendor and surface, grouped by answer.
    /// The verdicts on one question, grouped by answer; with no `width` (not a terminal)
    /// names and summaries are not cut.
    func across(_ table: QuestionAcrossVendors, width: Int?) {
        let q = table.question
        Console.out(style.bold(q.title.text(lang)) + style.dim("  (\(q.id); " + t("good for you: ", "对你有利：") + "\(q.favourable.rawValue))"))
        let vendorWidth = min(24, catalog.vendors.map { $0.name.cellWidth() }.max() ?? 10)
        func surfaceName(_ v: Verdict) -> String { catalog.vendor(v.vendor)?.surface(v.surface)?.name ?? v.surface }
        // Cut to 22 cells on a terminal; whole elsewhere, aligned up to 32 cells.
        let surfaceWidth = width == nil ? min(32, table.groups.flatMap(\.verdicts).map { surfaceName($0).cellWidth() }.max() ?? 22) : 22
        for group in table.groups {
            Console.out()
            Console.out(style.bold("\(group.answer.symbol) \(group.answer.word(lang))") + " (\(group.verdicts.count))")
            for verdict in group.verdicts {
                let vendor = catalog.vendor(verdict.vendor)
                let name = (vendor?.name ?? verdict.vendor).truncated(toWidth: vendorWidth).padded(toWidth: vendorWidth)
                let shown = surfaceName(verdict)
                let surface = width == nil ? shown + String(repeating: " ", count: max(0, surfaceWidth - shown.cellWidth())) : shown.padded(toWidth: surfaceWidth)
                let lead = "  \(name)  \(surface)  "
                let summary = Sanitizer.sanitize(verdict.summary.text(lang))
                Console.out(lead + (width.map { summary.truncated(toWidth: max(20, $0 - lead.cellWidth())) } ?? summary))
            }
        }
        Console.out()
        Console.out(style.dim(t("\(table.count.counted("verdict")). termlens show VENDOR SURFACE \(q.id) shows one with its quotes.",
                                "\(table.count) 个结论。termlens show VENDOR SURFACE \(q.id) 显示其中一个及其引文。")))
    }
}
