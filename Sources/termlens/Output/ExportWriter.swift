import PolicyModel

/// Markdown and CSV renderings of verdicts.
struct ExportWriter {
    let app: AppContext
    var catalog: Catalog { app.catalog }
    var lang: Language { app.language }

    /// Vendors and surfaces × questions, with answer symbols: the README's coverage table.
    func coverage(_ vendors: [Vendor]) {
        let questions = catalog.questions
        Console.out("| vendor | surface | " + questions.map { "`\($0.id)`" }.joined(separator: " | ") + " |")
        Console.out("|---|---|" + String(repeating: "---|", count: questions.count))
        for v in vendors {
            for s in v.surfaces {
                let cells = questions.map { q -> String in
                    guard let verdict = v.verdict(surface: s.id, question: q.id) else { return "·" }
                    return "\(verdict.answer.symbol) \(verdict.answer.word(lang))"
                }
                Console.out("| \(v.name) | \(s.id) | " + cells.joined(separator: " | ") + " |")
            }
        }
        Console.out()
        let all = vendors.flatMap(\.verdicts)
        let counts = Answer.allCases.map { a in "\(a.symbol) \(a.word(lang)) \(all.filter { $0.answer == a }.count)" }
        Console.out("\(all.count.counted("verdict")): " + counts.joined(separator: " · ") + ". · = no verdict.")
    }

    func markdown(_ vendors: [Vendor]) {
        Console.out("# termlens: what AI vendors' terms say about your data")
        Console.out()
        coverage(vendors)
        for v in vendors {
            Console.out()
            Console.out("## \(v.name)")
            for s in v.surfaces {
                Console.out()
                Console.out("### \(s.name) (`\(v.id)/\(s.id)`)")
                for q in catalog.questions {
                    guard let verdict = v.verdict(surface: s.id, question: q.id) else { continue }
                    Console.out()
                    Console.out("#### \(q.title.text(lang)) — \(verdict.answer.symbol) \(verdict.answer.word(lang))")
                    Console.out()
                    Console.out(verdict.summary.text(lang) + " *(as of \(verdict.asOf))*")
                    if let advice = verdict.advice { Console.out(); Console.out("**Advice:** " + advice.text(lang)) }
                    if !verdict.examined.isEmpty { Console.out(); Console.out("Examined: " + verdict.examined.map { "`\($0)`" }.joined(separator: ", ")) }
                    for e in verdict.evidence {
                        let r = catalog.resolve(e)
                        var source = "`\(e.documentRef)`"
                        if let date = r.version?.date ?? e.version { source += " @\(date)" }
                        if let section = r.anchor?.section { source += " §\(section)" }
                        Console.out()
                        Console.out("> " + e.quote.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> "))
                        Console.out()
                        Console.out("— \(source)" + (e.note.map { ": \($0.text(lang))" } ?? ""))
                    }
                }
            }
        }
    }

    func csv(_ vendors: [Vendor]) {
        let header = ["vendor", "surface", "question", "answer", "summary", "as_of", "advice", "document", "version", "section", "start", "end", "status", "quote", "note"]
        Console.out(header.joined(separator: ","))
        for v in vendors {
            for verdict in v.verdicts {
                let base = [v.id, verdict.surface, verdict.question, verdict.answer.rawValue, verdict.summary.text(lang), verdict.asOf.description, verdict.advice?.text(lang) ?? ""]
                if verdict.evidence.isEmpty {
                    Console.out((base + Array(repeating: "", count: 8)).map(Self.field).joined(separator: ","))
                }
                for e in verdict.evidence {
                    let r = catalog.resolve(e)
                    let row = base + [e.documentRef, (r.version?.date ?? e.version)?.description ?? "", r.anchor?.section ?? "",
                                      r.anchor.map { String($0.start) } ?? "", r.anchor.map { String($0.end) } ?? "",
                                      r.status.rawValue, e.quote, e.note?.text(lang) ?? ""]
                    Console.out(row.map(Self.field).joined(separator: ","))
                }
            }
        }
    }

    /// RFC 4180 quoting.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
