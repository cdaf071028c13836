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
        model.indexProvider = { try? SearchIndexStore.index(app.options) }
        var state = initial(model, terminal.size)
        loop(terminal, model: model, state: &state, reload: { AppContext.load(app.options).catalog })
    }

    /// Render, wait for an event, update; events that are already waiting are all applied
    /// before the next frame, so fast typing never builds up a lag.
    static func loop(_ terminal: CursesTerminal, model start: BrowserModel, state: inout BrowserState, reload: () -> Catalog) {
        var model = start
        terminal.present(Browser.render(state, model: model))
        while true {
            guard let first = terminal.nextEvent(timeoutMilliseconds: 1000) else { continue }
            var event: Event? = first
            var changed = false
            while let e = event {
                switch Browser.update(&state, e, model: model) {
                case .quit: return
                case .suspend:
                    terminal.suspend()
                    state.size = terminal.size
                case .reload:
                    Browser.reload(&state, model: &model, catalog: reload())
                case .none: break
                }
                changed = true
                event = terminal.nextEvent(timeoutMilliseconds: 0)
            }
            Browser.settle(&state, model: model)
            if changed { terminal.present(Browser.render(state, model: model)) }
        }
    }
}
