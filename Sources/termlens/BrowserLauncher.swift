import Browser
import CursesTerminal
import Foundation
import PolicyModel
import TerminalUI

/// Starts the terminal browser; without a terminal, prints as text what it would have opened.
enum BrowserLauncher {
    /// Both stdin and stdout are terminals.
    static var interactive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static func run(app: AppContext, start: Target?) throws {
        guard interactive else {
            try printAsText(app: app, start)
            return
        }
        try run(app: app) { model, size in Browser.start(at: start, model: model, size: size) }
    }

    /// `browse [TARGET] | head`: the overview, or the target as `show` and `export` print it.
    static func printAsText(app: AppContext, _ target: Target?) throws {
        let printer = VerdictPrinter(app: app)
        let catalog = app.catalog
        switch target {
        case nil:
            printer.overview()
        case .vendor(let v):
            if let vendor = catalog.vendor(v) { printer.vendor(vendor) }
        case .surface(let v, let s):
            if let vendor = catalog.vendor(v) { printer.surface(vendor, s) }
        case .verdict(let v, let s, let q):
            guard let verdict = catalog.vendor(v)?.verdict(surface: s, question: q) else { return }
            printer.verdict(verdict)
            Console.flush()
            try app.refuseBrokenQuotes([verdict])
        case .document(let v, let d, let version, let section):
            try Export.exportDocument(app, vendor: v, doc: d, version: version, section: section, format: .markdown)
        }
    }

    /// Opens the browser at a view built by `initial` (e.g. `termlens compare` on a terminal).
    static func run(app: AppContext, initial: (BrowserModel, Size) -> BrowserState) throws {
        Console.flush()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: CursesTerminal.Options(noColor: app.noColor, mouse: app.mouse))
        } catch let error as CursesError {
            Console.error(error.description)
            throw TermlensExit.usage(nil)
        }
        defer { terminal.shutdown() }
        let model = BrowserModel(catalog: app.catalog, language: app.language)
        model.indexProvider = { try? SearchIndexStore.index(app.options) }
        model.urlOpener = URLOpening.opener(environment: ProcessInfo.processInfo.environment)
        // What was seen before ($XDG_STATE_HOME/termlens): which changes are new. This run is a look.
        let stateFolder = StateStore.folder(ProcessInfo.processInfo.environment)
        model.looks = LookRecord.open(store: stateFolder.map(StateStore.init(folder:)), catalog: app.catalog, now: StateStore.now())
        model.listChangesInBackground()
        model.buildSearchIndexInBackground()
        var state = initial(model, terminal.size)
        BrowserLoop.run(terminal, model: model, state: &state, reload: { AppContext.load(app.options).catalog })
        model.looks.remember(place: Browser.closingPlace(state, model: model))
        // The deferred shutdown gives the terminal back before the exit status is set.
        if let signal = state.endedBySignal { throw TermlensExit.signal(signal) }
    }
}
