#if canImport(Glibc)
import Glibc
#endif
import Testing
import CursesTerminal
import TerminalUI
import TextCells

/// curses is process-wide state: these run one at a time, on /dev/null, with
/// no signal handlers, so they need neither a TTY nor a particular TERM.
@Suite(.serialized) struct CursesSmokeTests {
    static let options = CursesTerminal.Options(terminalType: "xterm-256color", inputPath: "/dev/null",
                                                outputPath: "/dev/null", handleSignals: false)

    @Test(arguments: screenSizes)
    func presentedCellsReadBackFromCurses(_ size: Size) throws {
        let terminal = try CursesTerminal(options: Self.options)
        defer { terminal.shutdown() }
        terminal.resize(to: size)
        #expect(terminal.size == size)

        var frame = CellBuffer(width: size.width, height: size.height)
        let (body, bar) = frame.bounds.splitBottom(1)
        let (left, right) = Split.vertical(body, left: .percent(40), into: &frame)
        ListView.render(vendorItems, state: ListState(selected: 1), in: left, into: &frame)
        TextPane.render(WrappedText(clauseText + " ⚠\u{FE0F} 🇨🇳 e\u{301} \u{1B}[2J", width: right.width),
                        state: TextPaneState(), highlights: [TextHighlight(12..<15)], in: right, into: &frame)
        StatusBar.render(breadcrumb: crumbs, hints: sampleKeymap.hints(), in: bar, into: &frame)
        terminal.present(frame)
        #expect(terminal.screenLines() == expectedCursesRows(frame))

        // A second frame is sent as a diff; the screen must match it exactly.
        var next = frame
        next.write("中文 over", x: 3, y: 2)
        next.put("x", x: left.maxX + 2, y: 0)
        terminal.present(next)
        #expect(terminal.screenLines() == expectedCursesRows(next))
    }

    @Test func resizeRedrawsTheWholeFrame() throws {
        let terminal = try CursesTerminal(options: Self.options)
        defer { terminal.shutdown() }
        terminal.resize(to: Size(width: 40, height: 12))
        var a = CellBuffer(width: 40, height: 12)
        a.write("条款 one", x: 0, y: 0)
        terminal.present(a)
        terminal.resize(to: Size(width: 30, height: 6))
        var b = CellBuffer(width: 30, height: 6)
        b.write("条款 two", x: 0, y: 5)
        terminal.present(b)
        #expect(terminal.screenLines() == expectedCursesRows(b))
    }

    @Test func unknownTerminalTypeIsAClearError() {
        var options = Self.options
        options.terminalType = "no-such-terminal-termlens"
        #expect(throws: CursesError.unknownTerminal("no-such-terminal-termlens")) {
            _ = try CursesTerminal(options: options)
        }
        let message = CursesError.unknownTerminal("no-such-terminal-termlens").description
        #expect(message.contains("no-such-terminal-termlens") && !message.contains("\n"))
        #expect(CursesError.unknownTerminal(nil).exitCode == 2)
    }

    @Test func noColorGivesTheMonoProfile() throws {
        var options = Self.options
        options.noColor = true
        let terminal = try CursesTerminal(options: options)
        defer { terminal.shutdown() }
        #expect(terminal.profile.depth == .mono)
        #expect(terminal.codeset.lowercased().contains("utf"))
    }

    @Test func nothingArrivesFromAnEmptyInput() throws {
        let terminal = try CursesTerminal(options: Self.options)
        defer { terminal.shutdown() }
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil)
        terminal.shutdown()
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .terminate(signal: nil))
    }

    /// With its handlers installed (the one test here that does), SIGINT, SIGTERM and SIGHUP
    /// arrive as `.terminate` naming the signal, which the program's exit status carries.
    @Test func aTerminatingSignalArrivesAsAnEventNamingIt() throws {
        var options = Self.options
        options.handleSignals = true
        let terminal = try CursesTerminal(options: options)
        defer { terminal.shutdown() }
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // Sent to the process (test threads block signals): a thread that takes it runs the
            // handler, soon but not at once.
            #expect(kill(getpid(), signal) == 0)
            var event: Event?
            for _ in 0..<200 where event == nil {
                event = terminal.nextEvent(timeoutMilliseconds: 0)
                if event == nil { usleep(5_000) }
            }
            #expect(event == .terminate(signal: signal))
            #expect(terminal.nextEvent(timeoutMilliseconds: 0) == nil, "each signal is reported once")
        }
    }
}

/// What curses should hold after presenting `frame`: our rows, except where
/// libc would measure a glyph differently: ⚠️ is drawn as ⚠ plus a blank.
/// (A flag is drawn as its two letters, which read back as the same text.)
func expectedCursesRows(_ frame: CellBuffer) -> [String] {
    frame.textLines().map { row in
        var out = ""
        for c in row {
            switch c {
            case "⚠\u{FE0F}": out += "⚠ "
            default: out.append(c)
            }
        }
        return out
    }
}
