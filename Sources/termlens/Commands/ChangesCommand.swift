import ArgumentParser
import Foundation
import PolicyModel
import TextCells

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Recorded versions since a date or your last look, newest first, and the verdicts they put in doubt.",
        discussion: """
            Default: since the last look the browser recorded (in $XDG_STATE_HOME/termlens), else the last 30 days.
            Real changes only unless --all (noise, repeated and identical versions too, as `diff --versions` tells them).
            Each names the sections changed and the verdicts whose quotes it changed, moved or removed.
            Examples:
              termlens changes --sources ~/ota/GenAI-versions
              termlens changes --since 2026-08-01 --vendor mistral --json --sources ../shared/ota/genai-eu-versions
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Versions recorded on or after this date.", valueName: "YYYY-MM-DD")) var since: String?
    @Flag(help: "Versions recorded since the last look (the default; without one, the last 30 days).") var sinceLastLook = false
    @Option(help: "Only this vendor's documents.") var vendor: String?
    @Flag(help: "Also versions that change only noise, repeat an earlier text or are identical.") var all = false
    @Flag(help: "Print JSON (shapes in README).") var json = false

    func validate() throws {
        if since != nil && sinceLastLook { throw ValidationError("--since and --since-last-look exclude each other") }
        if let since, SimpleDate(since) == nil { throw ValidationError("--since takes a date YYYY-MM-DD, found `\(since)`") }
    }

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        let catalog = app.catalog
        let vendor = try self.vendor.map { try catalog.lookUpVendor($0).orExit().id }
        let env = ProcessInfo.processInfo.environment
        var state = LookState()
        if let folder = StateStore.folder(env) {
            let loaded = StateStore(folder: folder).load()
            if let problem = loaded.problem { Console.error("termlens: warning: \(problem)") }
            state = loaded.state
        }
        let start = since.map { $0 + "T00-00-00Z" } ?? Catalog.changesStart(state, now: StateStore.now())
        let changes = catalog.changes(since: start, vendor: vendor, includeNoise: all, state: state)
        if json {
            Console.out(JSONValue.array(changes.map(CatalogJSON(catalog: catalog, language: app.language).change)).rendered())
            return
        }
        ChangesPrinter(app: app).print(changes, from: start, lastLook: since == nil ? state.lastLook : nil, all: all)
    }
}

/// `changes` as text: one block per version, newest first.
struct ChangesPrinter {
    let app: AppContext

    func print(_ changes: [DocumentChange], from start: String, lastLook: String?, all: Bool) {
        let style = app.style
        let n = changes.count
        let what = all ? (n == 1 ? "version" : "versions") : (n == 1 ? "real change" : "real changes")
        let when = lastLook.map { "your last look (\($0))" } ?? String(start.prefix(10))
        if app.catalog.sources.isEmpty {
            Console.out(style.dim("No sources loaded: versions come from --sources DIR (an Open Terms Archive dataset or versions repository)."))
        }
        guard !changes.isEmpty else {
            Console.out("No \(all ? "version" : "real change") recorded since \(when).")
            return
        }
        Console.out(style.bold("\(n) \(what) recorded since \(when), newest first") + (all ? "" : style.dim("  (--all adds noise)")))
        for c in changes {
            Console.out()
            let time = c.version.recordedTime.prefix(16).replacingOccurrences(of: "T", with: " ")
            var head = "\(time)  \(c.document.ref)  \(Sanitizer.sanitize(c.document.title.text(app.language)))"
            if c.kind == .noise { head += "  [\(c.status.rawValue)]" }
            Console.out(style.bold(head))
            if c.previous == nil {
                Console.out("    first recorded version")
            } else if c.kind == .real {
                let counts = "\(c.changed) changed, \(c.added) added, \(c.removed) removed"
                let sections = c.sections.map { Sanitizer.sanitize($0) }.prefix(12).joined(separator: " · ") + (c.sections.count > 12 ? " · …" : "")
                Console.out("    " + (sections.isEmpty ? counts : "§ \(sections)  (\(counts))"))
            }
            for a in c.affects {
                Console.out("    quote of \(a.vendor)/\(a.surface)/\(a.question): " + style.match(a.status.rawValue))
            }
            if let previous = c.previous {
                Console.out(style.dim("    termlens diff \(c.document.ref) \(previous.date) \(c.version.date)"))
            }
        }
    }
}
