/// A quote or a whole verdict as Markdown with citations, in the shape of a research note's
/// evidence list: what `y` / `Y` copy in the browser and `export --format markdown
/// VENDOR/SURFACE/QUESTION` prints.
public struct CitationMarkdown: Sendable {
    public let catalog: Catalog
    public let language: Language

    public init(catalog: Catalog, language: Language) {
        self.catalog = catalog
        self.language = language
    }

    /// `DeepSeek, *DeepSeek Terms of Use*, version of 2026-03-27, §4.3, <https://…>`
    public func citation(_ evidence: Evidence) -> String {
        let r = catalog.resolve(evidence)
        let doc = catalog.document(vendor: evidence.vendor, id: evidence.document)
        var parts = [catalog.vendor(evidence.vendor)?.name ?? evidence.vendor,
                     "*\(escaped(doc?.title.text(language) ?? evidence.documentRef))*"]
        if let date = r.version?.date ?? evidence.version { parts.append("version of \(date)") }
        if let section = r.anchor?.section { parts.append("§\(escaped(section))") }
        if doc?.role == .secondary { parts.append("secondary source") }
        if let doc, let url = catalog.pageURL(of: doc, version: r.version, at: r.anchor?.start) { parts.append("<\(url)>") }
        return parts.joined(separator: ", ")
    }

    /// One quote as a block quote with its citation.
    public func quote(_ evidence: Evidence) -> String {
        blockQuote("“\(evidence.quote)”") + "\n>\n> — " + citation(evidence) + "\n"
    }

    /// The whole verdict: question, answer, summary, advice, numbered quotes with citations.
    public func verdict(_ v: Verdict) -> String {
        let vendor = catalog.vendor(v.vendor)
        let surface = vendor?.surface(v.surface)?.name ?? v.surface
        let question = catalog.question(v.question)?.title.text(language) ?? v.question
        var out = ["## \(vendor?.name ?? v.vendor) — \(surface): \(question)", "",
                   "**\(v.answer.symbol) \(v.answer.word(language))** (as of \(v.asOf))", "",
                   v.summary.text(language)]
        if let advice = v.advice { out += ["", "**\(language == .zh ? "建议" : "Advice"):** " + advice.text(language)] }
        if !v.examined.isEmpty { out += ["", (language == .zh ? "查阅的文件：" : "Documents examined: ") + v.examined.joined(separator: ", ")] }
        if !v.missing.isEmpty { out += ["", (language == .zh ? "缺少的文件：" : "Documents that would settle it (not available): ") + v.missing.joined(separator: "; ")] }
        if !v.evidence.isEmpty {
            out += ["", "### " + (language == .zh ? "依据" : "Evidence")]
            for (n, e) in v.evidence.enumerated() {
                out += ["", "**[\(n + 1)]** " + citation(e), "", blockQuote("“\(e.quote)”")]
                if let note = e.note { out += ["", "→ " + note.text(language)] }
            }
        }
        out += ["", "*termlens `\(v.vendor)/\(v.surface)/\(v.question)`; texts recorded by Open Terms Archive contributors (ODC-BY 1.0).*"]
        return out.joined(separator: "\n") + "\n"
    }

    private func blockQuote(_ text: String) -> String {
        "> " + text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ")
    }

    /// Titles and sections are plain text; `*` and `_` inside them must not start emphasis.
    private func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "*" || c == "_" || c == "`" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
