import PolicyModel
import TerminalUI

/// The run loop: render, wait for an event, update. Events already waiting are all applied
/// before the next frame, so fast typing never builds up a lag. It drives any
/// `TerminalBackend`: curses in the program, a scripted fake in the tests.
public enum BrowserLoop {
    /// Runs until the browser quits; returns the model in use then (a reload replaces it).
    @discardableResult
    public static func run(_ terminal: some TerminalBackend, model start: BrowserModel, state: inout BrowserState,
                           reload: () -> Catalog) -> BrowserModel {
        var model = start
        model.monochrome = terminal.profile.depth == .mono
        if state.size != terminal.size { _ = Browser.update(&state, .resize(terminal.size), model: model) }
        terminal.present(Browser.render(state, model: model))
        while true {
            guard let first = terminal.nextEvent(timeoutMilliseconds: 1000) else { continue }
            var event: Event? = first
            while let e = event {
                switch Browser.update(&state, e, model: model) {
                case .quit:
                    return model
                case .suspend:
                    terminal.suspend()
                    // The terminal may have changed size while we were stopped.
                    _ = Browser.update(&state, .resize(terminal.size), model: model)
                case .reload:
                    Browser.reload(&state, model: &model, catalog: reload())
                case .copy(let text):
                    terminal.copy(text)
                case .openURL(let url):
                    if !open(url, with: model.urlOpener, terminal) { Browser.showLink(url, &state, model: model) }
                case .none:
                    break
                }
                event = terminal.nextEvent(timeoutMilliseconds: 0)
            }
            Browser.settle(&state, model: model)
            terminal.present(Browser.render(state, model: model))
        }
    }

    /// Runs the URL opener; one that draws in the terminal gets it while it runs.
    static func open(_ url: String, with opener: URLOpener?, _ terminal: some TerminalBackend) -> Bool {
        guard let opener else { return false }
        guard opener.needsTerminal else { return opener.open(url) }
        var opened = false
        terminal.release { opened = opener.open(url) }
        return opened
    }
}
