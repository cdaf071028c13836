import CNcursesW
#if canImport(Glibc)
import Glibc
#endif

// State the signal handlers read. Handlers may only do async-signal-safe
// work, so everything they touch is prepared in advance as raw memory.
nonisolated(unsafe) private var terminateSignal: sig_atomic_t = 0
nonisolated(unsafe) private var resetBytes: UnsafeMutablePointer<UInt8>?
nonisolated(unsafe) private var resetByteCount = 0
nonisolated(unsafe) private var resetFD: Int32 = -1
nonisolated(unsafe) private var savedTermios: UnsafeMutablePointer<termios>?
nonisolated(unsafe) private var termiosFD: Int32 = -1
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction>?

private let terminateSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
/// Swift traps raise SIGILL or SIGTRAP; the rest are ordinary crashes.
private let fatalSignals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]
private let signalSlots = 65

/// SIGINT, SIGTERM, SIGHUP: remember, and let the run loop finish cleanly.
private let terminateHandler: @convention(c) (Int32) -> Void = { signal in
    terminateSignal = signal
}

/// A crash: put the terminal back (attributes, cursor, main screen, tty
/// modes), then re-raise under the previous handler so the crash report or
/// core dump still happens, now on a usable screen.
private let fatalHandler: @convention(c) (Int32) -> Void = { signal in
    if let bytes = resetBytes, resetFD >= 0 { _ = write(resetFD, bytes, resetByteCount) }
    if let saved = savedTermios, termiosFD >= 0 { _ = tcsetattr(termiosFD, TCSANOW, saved) }
    if let previous = previousActions, signal >= 0, signal < signalSlots {
        _ = sigaction(signal, previous + Int(signal), nil)
    }
    _ = raise(signal)
}

/// Installs and removes the handlers; one at a time per process.
enum SignalGuard {
    /// The terminating signal that arrived since the last call, if any.
    static func takeTerminateRequest() -> Int32? {
        let signal = terminateSignal
        guard signal != 0 else { return nil }
        terminateSignal = 0
        return signal
    }

    /// The tty modes of `fd`, if it is a terminal.
    static func currentModes(_ fd: Int32) -> termios? {
        var modes = termios()
        return tcgetattr(fd, &modes) == 0 ? modes : nil
    }

    /// `reset` is written to `outputFD` on a crash, and `modes` (the terminal's modes from
    /// before curses started; else those of `inputFD` now) are restored on `inputFD`.
    static func install(reset: [UInt8], outputFD: Int32, inputFD: Int32, modes shellModes: termios? = nil) {
        remove()
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, reset.count))
        bytes.initialize(from: reset, count: reset.count)
        resetBytes = bytes
        resetByteCount = reset.count
        resetFD = outputFD

        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: shellModes ?? termios())
        if shellModes != nil || tcgetattr(inputFD, modes) == 0 {
            savedTermios = modes
            termiosFD = inputFD
        } else {
            modes.deallocate()
        }

        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
        previous.initialize(repeating: sigaction(), count: signalSlots)
        previousActions = previous
        for signal in terminateSignals { set(signal, terminateHandler, flags: 0, saveInto: previous) }
        for signal in fatalSignals { set(signal, fatalHandler, flags: tl_sa_resethand(), saveInto: previous) }
    }

    /// Puts the previous handlers back and frees the saved state.
    static func remove() {
        guard let previous = previousActions else { return }
        for signal in terminateSignals + fatalSignals { _ = sigaction(signal, previous + Int(signal), nil) }
        previousActions = nil
        previous.deallocate()
        if let saved = savedTermios {
            savedTermios = nil
            termiosFD = -1
            saved.deallocate()
        }
        if let bytes = resetBytes {
            resetBytes = nil
            resetByteCount = 0
            bytes.deallocate()
        }
        terminateSignal = 0
    }

    /// Sends SIGTSTP to ourselves (Ctrl-Z arrives as a key under raw mode)
    /// and returns once the shell continues us.
    static func suspendSelf() {
        _ = raise(SIGTSTP)
    }

    private static func set(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void, flags: Int32,
                            saveInto previous: UnsafeMutablePointer<sigaction>) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        _ = sigaction(signal, &action, previous + Int(signal))
    }
}
