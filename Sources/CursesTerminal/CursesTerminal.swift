import CNcursesW
import TerminalUI
import TextCells
#if canImport(Glibc)
import Glibc
#endif

// The screen atexit must close if the program exits without `shutdown()`.
nonisolated(unsafe) private var openScreen: OpaquePointer?
nonisolated(unsafe) private var atexitRegistered = false

/// The terminal through ncursesw: the only code in termlens that calls
/// curses. Use from one thread. Create one at a time; `shutdown()` (also
/// run by deinit and at exit) gives the terminal back as it was.
public final class CursesTerminal: TerminalBackend {
    public struct Options: Sendable {
        /// Terminal type; nil reads TERM.
        public var terminalType: String?
        /// Where to read keys and draw; nil means stdin and stdout.
        public var inputPath: String?
        public var outputPath: String?
        /// --no-color; NO_COLOR in the environment is honoured too.
        public var noColor: Bool
        /// Milliseconds to wait after Esc for the rest of a sequence,
        /// unless ESCDELAY is set in the environment.
        public var escapeDelay: Int
        /// SIGINT/SIGTERM/SIGHUP become `.terminate`; crashes restore the
        /// terminal. Off for tests that share the process.
        public var handleSignals: Bool
        /// Report clicks and the wheel (`--no-mouse` turns it off, leaving the terminal's own
        /// selection to the mouse).
        public var mouse: Bool

        public init(terminalType: String? = nil, inputPath: String? = nil, outputPath: String? = nil,
                    noColor: Bool = false, escapeDelay: Int = 25, handleSignals: Bool = true, mouse: Bool = false) {
            self.terminalType = terminalType
            self.inputPath = inputPath
            self.outputPath = outputPath
            self.noColor = noColor
            self.escapeDelay = escapeDelay
            self.handleSignals = handleSignals
            self.mouse = mouse
        }
    }

    public let profile: ColorProfile
    /// The locale's codeset after set-up (always a UTF-8 spelling).
    public let codeset: String
    private let screen: OpaquePointer
    private let input: UnsafeMutablePointer<FILE>
    private let output: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    private var presenter: CellPresenter
    /// The frame on screen; nil forces a full redraw.
    private var previous: CellBuffer?
    private var closed = false

    /// Sets the locale, starts curses and, unless told not to, installs the
    /// signal handlers. Throws `CursesError` with a one-line message when the
    /// terminal cannot be used; nothing is printed.
    public init(options: Options = Options()) throws {
        codeset = try TerminalLocale.prepare()
        let type = options.terminalType ?? getenv("TERM").map { String(cString: $0) }
        guard let type, !type.isEmpty else { throw CursesError.unknownTerminal(nil) }

        let files = try Self.openFiles(options)
        input = files.input
        output = files.output
        ownsFiles = files.owned
        // The terminal's modes as the shell left them: what a crash must put back. Read before
        // curses starts (raw, noecho), or the crash handler would restore curses's own modes.
        let shellModes = SignalGuard.currentModes(fileno(input))
        guard let screen = newterm(type, output, input) else {
            if ownsFiles { fclose(input); fclose(output) }
            throw CursesError.unknownTerminal(type)
        }
        self.screen = screen
        openScreen = screen
        if !atexitRegistered {
            atexitRegistered = true
            atexit { if let screen = openScreen { _ = set_term(screen); _ = endwin() } }
        }

        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(tl_stdscr(), true)
        _ = curs_set(0)
        _ = leaveok(tl_stdscr(), true)
        if getenv("ESCDELAY") == nil { _ = set_escdelay(Int32(options.escapeDelay)) }
        if options.mouse {
            // Presses, reported at once (no waiting to tell a click from a double click), and
            // releases, which the decoder drops: without them ncurses takes a button still held,
            // and a second click whose press and release arrive together is not reported. A
            // press and release read together (a fast click, over ssh) ncurses makes one click:
            // asked for too, else it is filtered out.
            _ = mousemask(tl_button1_pressed() | tl_button1_released() | tl_button1_clicked() | tl_button4_pressed() | tl_button5_pressed(), nil)
            _ = mouseinterval(0)
        }

        var defaultColors = false
        if has_colors() {
            _ = start_color()
            defaultColors = use_default_colors() == OK
        }
        let noColorEnv = getenv("NO_COLOR").map { String(cString: $0) }
        profile = ColorProfile.detect(hasColors: has_colors(), colors: Int(tl_colors()),
                                      noColorEnvironment: noColorEnv, noColorFlag: options.noColor)
        presenter = CellPresenter(profile: profile, defaultColors: defaultColors)

        if options.handleSignals {
            SignalGuard.install(reset: Self.resetSequence(mouse: options.mouse), outputFD: fileno(output), inputFD: fileno(input), modes: shellModes)
        }
    }

    deinit { shutdown() }

    public var size: Size {
        Size(width: Int(getmaxx(tl_stdscr())), height: Int(getmaxy(tl_stdscr())))
    }

    /// Draws `buffer`, sending only cells that changed since the last frame.
    /// Cells outside the terminal are not drawn; curses never clips or wraps
    /// for us.
    public func present(_ buffer: CellBuffer) {
        guard !closed else { return }
        let limit = size
        for change in buffer.changes(since: previous) where change.row < limit.height {
            for run in change.runs {
                var x = run.lowerBound
                while x < min(run.upperBound, limit.width) {
                    let cell = buffer[x, change.row]
                    if cell.isContinuation { x += 1; continue }
                    if x + Int(cell.width) > limit.width { break }
                    presenter.draw(cell, x: Int32(x), y: Int32(change.row))
                    x += Int(max(1, cell.width))
                }
            }
        }
        _ = wnoutrefresh(tl_stdscr())
        _ = doupdate()
        previous = buffer
    }

    /// The next event within `timeoutMilliseconds` (negative: wait for
    /// ever), or nil. Ctrl-Z arrives as a key like any other: the keymap
    /// decides what it does (the browser suspends through `suspend()`).
    public func nextEvent(timeoutMilliseconds: Int) -> Event? {
        guard !closed else { return .terminate(signal: nil) }
        if let signal = SignalGuard.takeTerminateRequest() { return .terminate(signal: signal) }
        wtimeout(tl_stdscr(), Int32(clamping: timeoutMilliseconds))
        var code: wint_t = 0
        let status = wget_wch(tl_stdscr(), &code)
        if let signal = SignalGuard.takeTerminateRequest() { return .terminate(signal: signal) }
        switch status {
        case KEY_CODE_YES:
            if Int32(truncatingIfNeeded: code) == KEY_RESIZE {
                previous = nil
                return .resize(size)
            }
            if Int32(truncatingIfNeeded: code) == KEY_MOUSE {
                var report = MEVENT()
                guard getmouse(&report) == OK else { return nil }
                return InputDecoder.mouse(buttons: report.bstate, x: report.x, y: report.y).map(Event.mouse)
            }
            return InputDecoder.functionKey(UInt32(code)).map(Event.key)
        case OK:
            return InputDecoder.character(UInt32(code)).map(Event.key)
        default:
            return nil
        }
    }

    /// Gives the terminal back, stops the process (as Ctrl-Z does in a shell)
    /// and, once continued, takes the screen again for a full redraw.
    public func suspend() {
        release { SignalGuard.suspendSelf() }
    }

    /// Gives the terminal back (its modes as the shell had them, mouse reporting off) while
    /// `body` runs, then takes the screen again for a full redraw.
    public func release(while body: () -> Void) {
        guard !closed else { return }
        _ = endwin()
        body()
        _ = clearok(tl_curscr(), true)
        _ = wrefresh(tl_stdscr())
        previous = nil
    }

    /// Writes the OSC 52 sequence that puts `text` on the clipboard. Between frames curses has
    /// nothing buffered, so the sequence goes out whole.
    public func copy(_ text: String) {
        guard !closed else { return }
        fflush(output)
        _ = fputs(Clipboard.osc52(text), output)
        fflush(output)
    }

    /// Sets the curses screen size (what a resize would do); for tests and
    /// for outputs that are not terminals.
    public func resize(to newSize: Size) {
        guard !closed else { return }
        _ = resizeterm(Int32(newSize.height), Int32(newSize.width))
        previous = nil
    }

    /// What curses holds for the screen, one string per row, read back cell
    /// by cell (the right half of a wide glyph skipped): a screen dump for
    /// tests and bug reports.
    public func screenLines() -> [String] {
        guard !closed else { return [] }
        let limit = size
        return (0..<limit.height).map { y in
            var row = ""
            var x: Int32 = 0
            while x < Int32(limit.width) {
                var cc = cchar_t()
                var text = [wchar_t](repeating: 0, count: 8)
                var attributes: attr_t = 0
                var pair: Int16 = 0
                guard mvwin_wch(tl_stdscr(), Int32(y), x, &cc) != ERR,
                      getcchar(&cc, &text, &attributes, &pair, nil) != ERR else { break }
                for w in text.prefix(while: { $0 != 0 }) {
                    if let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: w)) { row.unicodeScalars.append(scalar) }
                }
                x += max(1, tl_wcwidth(text[0]))
            }
            return row
        }
    }

    /// Ends curses and restores the terminal; safe to call more than once.
    public func shutdown() {
        guard !closed else { return }
        closed = true
        _ = set_term(screen)
        _ = curs_set(1)
        _ = endwin()
        SignalGuard.remove()
        delscreen(screen)
        if openScreen == screen { openScreen = nil }
        if ownsFiles {
            fclose(input)
            fclose(output)
        } else {
            fflush(output)
        }
    }

    private static func openFiles(_ options: Options) throws -> (input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, owned: Bool) {
        guard options.inputPath != nil || options.outputPath != nil else { return (tl_stdin(), tl_stdout(), false) }
        let inPath = options.inputPath ?? "/dev/tty"
        let outPath = options.outputPath ?? "/dev/tty"
        guard let input = fopen(inPath, "r") else { throw CursesError.cannotOpen(inPath) }
        guard let output = fopen(outPath, "w") else {
            fclose(input)
            throw CursesError.cannotOpen(outPath)
        }
        return (input, output, true)
    }

    /// What a crash handler writes to give the screen back: attributes off,
    /// cursor visible, keypad mode off, main screen, and mouse reporting off (every xterm
    /// mode a terminal may have been put in, SGR coordinates included).
    private static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = tl_tigetstr(capability) {
                bytes += Array(String(cString: value).utf8)
            }
        }
        if mouse { bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l".utf8) }
        return bytes + Array("\r\n".utf8)
    }
}
