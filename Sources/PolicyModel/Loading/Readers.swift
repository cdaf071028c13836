import Foundation
import Yams

/// `questions.yaml`: `questions: [{id, title, description}]`.
enum QuestionsReader {
    static func read(_ node: Node, file: YAMLFile) -> [Question]? {
        guard let top = MappingReader(node, file: file, what: "questions.yaml", allowed: ["questions"]),
              let items = top.sequence("questions", required: true) else { return nil }
        var out: [Question] = []
        for item in items {
            guard let q = MappingReader(item, file: file, what: "a question", allowed: ["id", "title", "description", "favourable"]) else { continue }
            guard let id = q.string("id", required: true) else { continue }
            guard Identifier.isValid(id) else {
                file.error(item, "question id `\(id)` must be lowercase letters, digits and dashes")
                continue
            }
            guard let title = q.localized("title", required: true) else { continue }
            if out.contains(where: { $0.id == id }) {
                file.error(item, "duplicate question id `\(id)`")
                continue
            }
            var favourable = Favourable.neutral
            if let word = q.string("favourable") {
                if let f = Favourable(rawValue: word) {
                    favourable = f
                } else {
                    file.error(q.value("favourable"), "`favourable` is yes, no or neutral, found `\(word)`")
                }
            }
            out.append(Question(id: id, title: title, description: q.localized("description") ?? LocalizedText(),
                                favourable: favourable))
        }
        return out
    }
}

enum Identifier {
    /// Ids are lowercase ASCII letters, digits and dashes, starting with a letter or digit.
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 64 else { return false }
        guard (first >= "a" && first <= "z") || (first >= "0" && first <= "9") else { return false }
        return id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}

/// `vendors/<id>/vendor.yaml`.
enum VendorReader {
    static func read(_ node: Node, file: YAMLFile, folderID: String, origin: String) -> Vendor? {
        guard let v = MappingReader(node, file: file, what: "vendor.yaml",
                                    allowed: ["id", "name", "legal_name", "country", "homepage", "contacts", "surfaces", "events"]) else { return nil }
        guard let id = v.string("id", required: true) else { return nil }
        if id != folderID {
            file.error(v.value("id"), "vendor id `\(id)` differs from its folder name `\(folderID)`")
            return nil
        }
        let name = v.string("name", required: true) ?? id
        var contacts: [Contact] = []
        for item in v.sequence("contacts") ?? [] {
            guard let c = MappingReader(item, file: file, what: "a contact", allowed: ["kind", "value", "note"]),
                  let kind = c.string("kind", required: true), let value = c.string("value", required: true) else { continue }
            contacts.append(Contact(kind: kind, value: value, note: c.string("note")))
        }
        var surfaces: [Surface] = []
        for item in v.sequence("surfaces", required: true) ?? [] {
            guard let s = MappingReader(item, file: file, what: "a surface", allowed: ["id", "name", "description"]),
                  let sid = s.string("id", required: true) else { continue }
            guard Identifier.isValid(sid) else {
                file.error(item, "surface id `\(sid)` must be lowercase letters, digits and dashes")
                continue
            }
            if surfaces.contains(where: { $0.id == sid }) {
                file.error(item, "duplicate surface id `\(sid)`")
                continue
            }
            surfaces.append(Surface(id: sid, name: s.string("name", required: true) ?? sid, description: s.string("description")))
        }
        var events: [VendorEvent] = []
        for item in v.sequence("events") ?? [] {
            guard let e = MappingReader(item, file: file, what: "an event", allowed: ["date", "title", "source"]),
                  let date = e.date("date", required: true), let title = e.localized("title", required: true),
                  let source = e.string("source", required: true) else { continue }
            events.append(VendorEvent(date: date, title: title, source: source, location: file.location(item)))
        }
        events.sort { $0.date < $1.date }
        return Vendor(id: id, name: name, legalName: v.string("legal_name"), country: v.string("country"),
                      homepage: v.string("homepage"), contacts: contacts, surfaces: surfaces, events: events,
                      documents: [], verdicts: [], origin: origin)
    }
}

/// `vendors/<id>/documents/<doc>/document.yaml`.
enum DocumentReader {
    static func read(_ node: Node, file: YAMLFile, vendor: String, id: String, versions: [DocumentVersion]) -> PolicyDocument? {
        guard let d = MappingReader(node, file: file, what: "document.yaml",
                                    allowed: ["title", "type", "language", "surfaces", "url", "pages", "source", "role", "ota"]) else { return nil }
        guard Identifier.isValid(id) else {
            file.error(node, "document id `\(id)` (its folder name) must be lowercase letters, digits and dashes")
            return nil
        }
        let title = d.localized("title", required: true) ?? LocalizedText(id)
        let type = d.string("type", required: true) ?? ""
        let language = d.string("language", required: true) ?? "en"
        var role = DocumentRole.primary
        if let text = d.string("role") {
            if let parsed = DocumentRole(rawValue: text) { role = parsed } else {
                file.error(d.value("role"), "role must be `primary` or `secondary`, found `\(text)`")
            }
        }
        var binding: OTABinding?
        if let otaNode = d.value("ota"), let o = MappingReader(otaNode, file: file, what: "`ota`", allowed: ["service", "type"]) {
            if let services = o.stringList("service", required: true), let otaType = o.string("type", required: true) {
                if services.isEmpty { file.error(otaNode, "`ota.service` names at least one service") }
                binding = OTABinding(services: services, type: otaType)
            }
        }
        if versions.isEmpty && binding == nil {
            file.error(node, "document `\(id)` has neither a version file (YYYY-MM-DD.md) nor an `ota` binding to loaded sources")
        }
        var pages: [DocumentPage] = []
        for item in d.sequence("pages") ?? [] {
            guard let p = MappingReader(item, file: file, what: "a page", allowed: ["url", "starts_at"]),
                  let url = p.string("url", required: true), let start = p.string("starts_at", required: true) else { continue }
            pages.append(DocumentPage(url: url, startsAt: start.trimmingCharacters(in: .whitespaces)))
        }
        if !pages.isEmpty && d.string("url") == nil { file.error(d.value("pages"), "`pages` are the pages after the first: `url` names the first") }
        var document = PolicyDocument(vendor: vendor, id: id, title: title, type: type, language: language,
                                      surfaces: d.stringList("surfaces") ?? [], url: d.string("url"), source: d.string("source"),
                                      role: role, ota: binding, versions: versions, location: file.location(node))
        document.pages = pages
        return document
    }
}

/// `vendors/<id>/verdicts.yaml`.
enum VerdictReader {
    static func read(_ node: Node, file: YAMLFile, vendor: String) -> [Verdict] {
        guard let top = MappingReader(node, file: file, what: "verdicts.yaml", allowed: ["verdicts"]),
              let items = top.sequence("verdicts", required: true) else { return [] }
        var out: [Verdict] = []
        for item in items {
            guard let v = MappingReader(item, file: file, what: "a verdict",
                                        allowed: ["surface", "question", "answer", "summary", "as_of", "evidence", "advice", "examined", "missing"]) else { continue }
            let surface = v.string("surface", required: true)
            let question = v.string("question", required: true)
            let answerText = v.string("answer", required: true)
            let summary = v.localized("summary", required: true)
            let asOf = v.date("as_of", required: true)
            var answer: Answer?
            if let answerText {
                answer = Answer(rawValue: answerText)
                if answer == nil {
                    let all = Answer.allCases.map(\.rawValue)
                    file.error(v.value("answer"), "unknown answer `\(answerText)`\(Suggestion.hint(answerText, in: all)): use one of \(all.joined(separator: ", "))")
                }
            }
            var evidence: [Evidence] = []
            for e in v.sequence("evidence") ?? [] {
                if let item = readEvidence(e, file: file, vendor: vendor) { evidence.append(item) }
            }
            guard let surface, let question, let answer, let summary, let asOf else { continue }
            out.append(Verdict(vendor: vendor, surface: surface, question: question, answer: answer, summary: summary,
                               asOf: asOf, evidence: evidence, advice: v.localized("advice"),
                               examined: v.stringList("examined") ?? [], missing: v.stringList("missing") ?? [],
                               location: file.location(item)))
        }
        return out
    }

    private static func readEvidence(_ node: Node, file: YAMLFile, vendor: String) -> Evidence? {
        guard let e = MappingReader(node, file: file, what: "evidence",
                                    allowed: ["document", "version", "quote", "prefix", "suffix", "note"]) else { return nil }
        guard let doc = e.string("document", required: true), let quote = e.string("quote", required: true) else { return nil }
        let version = e.date("version")
        if e.value("version") != nil && version == nil { return nil }
        let parts = doc.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, parts.allSatisfy(Identifier.isValid) else {
            file.error(e.value("document"), "`document` is a document id or vendor/document-id, found `\(doc)`")
            return nil
        }
        if quote.unicodeScalars.count > 500 {
            file.error(e.value("quote"), "quote is \(quote.unicodeScalars.count) characters: quote the shortest passage that proves the point (at most 500)")
        }
        return Evidence(vendor: parts.count == 2 ? parts[0] : vendor, document: parts.last ?? doc, version: version,
                        quote: quote, prefix: e.string("prefix"), suffix: e.string("suffix"), note: e.localized("note"),
                        location: file.location(node), quoteLocation: e.value("quote").map { file.location($0) })
    }
}
