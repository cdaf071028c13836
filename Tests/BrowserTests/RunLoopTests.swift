import Foundation
import Testing
@testable import Browser
import PolicyModel
import TerminalUI

/// A terminal for the run loop's tests: events from a script (nil is a timeout), frames kept,
/// suspends counted. When the script runs out it sends `.terminate` (a closed terminal).
final class ScriptedTerminal: TerminalBackend {
    var size: Size
    let profile: ColorProfile
    /// Batches of events: the loop receives each batch as events already waiting.
    private var batches: [[Event?]]
    private var pending: [Event?] = []
    private(set) var frames: [CellBuffer] = []
    private(set) var suspends = 0
    /// What was put on the clipboard, and how often the terminal was handed over.
    private(set) var copies: [String] = []
    private(set) var releases = 0
    /// The size the terminal has when a suspended program is continued.
    var sizeAfterSuspend: Size?
    /// A short timeout (the loop looking in on work on another thread) takes time, up to 20 ms;
    /// the idle one returns at once.
    var timeoutsTakeTime = false
    /// Called at each timeout (a `nil` of the script).
    var onTimeout: (() -> Void)?

    init(size: Size, profile: ColorProfile = ColorProfile(.ansi256), batches: [[Event?]]) {
        self.size = size
        self.profile = profile
        self.batches = batches
    }

    func present(_ buffer: CellBuffer) { frames.append(buffer) }

    func nextEvent(timeoutMilliseconds: Int) -> Event? {
        if timeoutMilliseconds == 0 {
            // Only what is already waiting.
            return pending.isEmpty ? nil : pending.removeFirst()
        }
        if pending.isEmpty {
            guard !batches.isEmpty else { return .terminate(signal: nil) }
            pending = batches.removeFirst()
        }
        let event = pending.isEmpty ? nil : pending.removeFirst()
        if event == nil { onTimeout?() }
        if event == nil && timeoutsTakeTime && timeoutMilliseconds < 1000 { usleep(UInt32(min(timeoutMilliseconds, 20)) * 1000) }
        return event
    }

    func suspend() {
        suspends += 1
        if let sizeAfterSuspend { size = sizeAfterSuspend }
    }

    func copy(_ text: String) { copies.append(text) }

    func release(while body: () -> Void) {
        releases += 1
        body()
    }

    var lastScreen: [String] { frames.last?.textLines(trimmed: true) ?? [] }
}

func keyEvents(_ names: String) -> [Event?] {
    names.split(separator: " ").compactMap { Key(name: String($0)).map(Event.key) }
}

@Suite("The run loop, on a scripted terminal")
struct RunLoopTests {
    func run(_ terminal: ScriptedTerminal, reload: @escaping () -> Catalog = { FixtureCatalog.catalog }) -> BrowserState {
        let model = TestCatalog.fixture()
        var state = Browser.start(at: nil, model: model, size: terminal.size)
        BrowserLoop.run(terminal, model: model, state: &state, reload: reload)
        return state
    }

    @Test func keysAlreadyWaitingMakeOneFrameAndQQuitsAtTheTop() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [keyEvents("j j"), [nil], keyEvents("q")])
        let state = run(terminal)
        #expect(state.quit)
        // The first frame, one after the two waiting keys; a timeout draws nothing; q quits before drawing.
        #expect(terminal.frames.count == 2)
        #expect(terminal.lastScreen[3].hasPrefix("▸"), "the third vendor is selected: \(terminal.lastScreen)")
    }

    @Test func aResizeRedrawsAtTheNewSize() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [[.resize(Size(width: 40, height: 12))], keyEvents("C-c")])
        let state = run(terminal)
        #expect(state.size == Size(width: 40, height: 12))
        #expect(terminal.frames.last?.size == Size(width: 40, height: 12))
    }

    @Test func ctrlZSuspendsOnceAndTheScreenComesBackAtTheSizeItHasThen() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [keyEvents("j"), keyEvents("C-z"), keyEvents("C-c")])
        terminal.sizeAfterSuspend = Size(width: 100, height: 30)
        let state = run(terminal)
        #expect(terminal.suspends == 1)
        #expect(state.size == Size(width: 100, height: 30))
        #expect(terminal.frames.count == 3)
        #expect(terminal.frames.last?.size == Size(width: 100, height: 30))
        #expect(terminal.lastScreen[2].hasPrefix("▸"), "the selection survives the suspend")
    }

    @Test func ctrlZSuspendsEvenWhileTypingIntoTheSearchPrompt() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [keyEvents("/"), keyEvents("C-z"), keyEvents("C-c")])
        _ = run(terminal)
        #expect(terminal.suspends == 1)
    }

    @Test func rReadsTheDataAgainKeepingTheView() {
        var reads = 0
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [keyEvents("j Enter"), keyEvents("R"), keyEvents("C-c")])
        let state = run(terminal) {
            reads += 1
            return FixtureCatalog.catalog
        }
        #expect(reads == 1)
        guard case .matrix(let m) = state.screen else { Issue.record("the matrix stays after a reload"); return }
        #expect(m.vendor == "bolt")
        #expect(terminal.lastScreen.last?.contains("read again") == true)
    }

    @Test func brokenDataOnReloadKeepsWhatWasLoadedAndSaysSo() {
        let broken = CatalogLoader.load(layers: [InMemoryLayer(label: "broken", files: ["questions.yaml": "questions: [oops"])], sourceRoots: [])
        let terminal = ScriptedTerminal(size: Size(width: 100, height: 24), batches: [keyEvents("R"), keyEvents("C-c")])
        _ = run(terminal) { broken }
        #expect(terminal.lastScreen.last?.contains("problem") == true, "\(terminal.lastScreen.last ?? "")")
        #expect(terminal.lastScreen.contains { $0.contains("Acme AI") })
    }

    @Test func aMonochromeTerminalTellsTheModel() {
        let model = TestCatalog.fixture()
        var state = Browser.start(at: nil, model: model, size: Size(width: 80, height: 24))
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), profile: .mono, batches: [keyEvents("C-c")])
        let used = BrowserLoop.run(terminal, model: model, state: &state, reload: { FixtureCatalog.catalog })
        #expect(used.monochrome)
    }

    @Test func changesWorkedOutOnAnotherThreadShowWhenReady() {
        let model = FixtureCatalog.updatedModel()
        model.listChangesInBackground()
        var state = Browser.start(at: nil, model: model, size: Size(width: 80, height: 24))
        // Timeouts (up to 10 s) while the other thread works, then q.
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: Array(repeating: [nil], count: 500) + [keyEvents("q")])
        terminal.timeoutsTakeTime = true
        BrowserLoop.run(terminal, model: model, state: &state, reload: { FixtureCatalog.updated })
        #expect(!model.hasBackgroundWork)
        #expect(terminal.lastScreen[0] == " termlens — Vendors · ●2 new changes (C) · text not loaded")
        #expect(terminal.lastScreen[1].contains("●2 new ✓4"), "\(terminal.lastScreen)")
    }

    @Test func terminateEndsTheLoop() {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [[.terminate(signal: nil)]])
        let state = run(terminal)
        #expect(state.quit)
        #expect(state.endedBySignal == nil)
    }

    /// The signal that ended the browser is kept for the exit status (128 + it); `q` leaves none.
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func aSignalEndsTheLoopAndIsKept(_ signal: Int32) {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [keyEvents("j"), [.terminate(signal: signal)], keyEvents("j")])
        let state = run(terminal)
        #expect(state.quit)
        #expect(state.endedBySignal == signal)
    }

    /// Raw mode delivers Ctrl-C as a key; it ends the browser as SIGINT does, from any view, the
    /// help and the search prompt included. `q` at the top is an ordinary end.
    @Test(arguments: ["C-c", "? C-c", "/ t r C-c", "q"])
    func ctrlCEndsTheBrowserAsSIGINT(_ keys: String) {
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24), batches: [keyEvents(keys), keyEvents("j")])
        let state = run(terminal)
        #expect(state.quit)
        #expect(state.endedBySignal == (keys == "q" ? nil : SIGINT))
        #expect(terminal.frames.count == 1, "the loop ends within the batch, before drawing again")
    }

    /// Keys typed while another thread builds the search index are echoed at once, the results
    /// say the index is being built, and none is lost: the query searches when it is ready.
    @Test func keysTypedWhileTheIndexIsBuiltAllLand() throws {
        let model = TestCatalog.fixture()
        let release = DispatchSemaphore(value: 0)
        model.indexProvider = {
            release.wait()
            return SearchIndex(catalog: FixtureCatalog.catalog, allVersions: false)
        }
        model.buildSearchIndexInBackground()
        var state = Browser.start(at: nil, model: model, size: Size(width: 80, height: 24))
        let terminal = ScriptedTerminal(size: Size(width: 80, height: 24),
                                        batches: [keyEvents("/ I n"), keyEvents("p u t s"), [nil]] + Array(repeating: [nil], count: 100))
        terminal.timeoutsTakeTime = true
        var released = false
        terminal.onTimeout = {
            if !released { release.signal() }
            released = true
        }
        BrowserLoop.run(terminal, model: model, state: &state, reload: { FixtureCatalog.catalog })
        // The frames after each batch of keys: the query as typed, the index not ready yet.
        let typed = terminal.frames[2].textLines(trimmed: true)
        #expect(terminal.frames[1].textLines(trimmed: true)[0].hasPrefix(" / In"))
        #expect(typed[0].hasPrefix(" / Inputs"), "\(typed)")
        #expect(typed[2] == " Building the search index…", "\(typed)")
        #expect(!model.hasBackgroundWork)
        guard case .search(let search) = state.screen else { Issue.record("the search stays open"); return }
        #expect(search.searched == "Inputs")
        var direct = try Session(model: TestCatalog.fixture())
        direct.type("/")
        direct.typeText("Inputs")
        guard case .search(let expected) = direct.state.screen else { Issue.record("no search"); return }
        #expect(!expected.matches.isEmpty && search.matches == expected.matches)
        #expect(terminal.lastScreen == direct.lines)
    }
}
