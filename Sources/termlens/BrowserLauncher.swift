import Browser
import CursesTerminal
import Foundation
import PolicyModel
import TerminalUI

/// Starts the terminal browser, or prints the overview when there is no terminal.
enum BrowserLauncher {
    /// Both stdin and stdout are terminals.
    static var interactive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    static func run(app: AppContext, start: Target?) throws {
        guard interactive else {
            VerdictPrinter(app: app).overview()
            return
        }
        try run(app: app) { model, size in Browser.start(at: start, model: model, size: size) }
    }

    /// Opens the browser at a view built by `initial` (e.g. `termlens compare` on a terminal).
    static func run(app: AppContext, initial: (BrowserModel, Size) -> BrowserState) throws {
        Console.flush()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: CursesTerminal.Options(noColor: app.noColor))
        } catch let error as CursesError {
            Console.error(error.description)
            throw TermlensExit.usage(nil)
        }
        defer { terminal.shutdown() }
        let model = BrowserModel(catalog: app.catalog, language: app.language)
        model.indexProvider = { try? SearchIndexStore.index(app.options, allVersions: false) }
        var state = initial(model, terminal.size)
        BrowserLoop.run(terminal, model: model, state: &state, reload: { AppContext.load(app.options).catalog })
    }
}
