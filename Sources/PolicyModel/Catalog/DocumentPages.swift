/// Which page of a document several pages make up holds a passage, so a citation points where
/// the quoted words are.
extension Catalog {
    /// The address of the page holding raw offset `offset` of `version`: the last page whose
    /// first line comes at or before it (the first page, `url`, when none does, or when the
    /// text cannot be read).
    public func pageURL(of document: PolicyDocument, version: DocumentVersion?, at offset: Int?) -> String? {
        guard !document.pages.isEmpty, let version, let offset, case .success(let text) = text(of: version) else { return document.url }
        var url = document.url
        for (start, page) in zip(DocumentPages.starts(of: document.pages, in: text.raw), document.pages) {
            guard let start, start <= offset else { continue }
            url = page.url
        }
        return url
    }

    /// The address of the page a quote is on (the document's own when it is one page).
    public func pageURL(of evidence: Evidence) -> String? {
        guard let doc = document(vendor: evidence.vendor, id: evidence.document) else { return nil }
        let r = resolve(evidence)
        return pageURL(of: doc, version: r.version, at: r.anchor?.start)
    }
}

enum DocumentPages {
    /// Where each page starts in a text (the start of the first line that is its `startsAt`,
    /// surrounding spaces aside; lines are searched in order, each page after the one before),
    /// nil for a page whose line is not there.
    static func starts(of pages: [DocumentPage], in raw: [Unicode.Scalar]) -> [Int?] {
        var out: [Int?] = []
        var from = 0
        for page in pages {
            let wanted = Array(page.startsAt.unicodeScalars)
            var found: Int?
            var lineStart = from
            while lineStart < raw.count {
                let lineEnd = raw[lineStart...].firstIndex(of: "\n") ?? raw.count
                var a = lineStart, b = lineEnd
                while a < b, raw[a] == " " || raw[a] == "\t" || raw[a] == "\r" { a += 1 }
                while b > a, raw[b - 1] == " " || raw[b - 1] == "\t" || raw[b - 1] == "\r" { b -= 1 }
                if b - a == wanted.count, raw[a..<b].elementsEqual(wanted) {
                    found = lineStart
                    break
                }
                lineStart = lineEnd + 1
            }
            out.append(found)
            if let found { from = found + 1 }
        }
        return out
    }
}
