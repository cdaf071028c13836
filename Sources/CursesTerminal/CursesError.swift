/// Why the terminal could not be set up. `description` is one line for
/// stderr; `exitCode` is what the program should exit with.
public enum CursesError: Error, CustomStringConvertible, Equatable {
    /// TERM is unset or has no terminfo entry.
    case unknownTerminal(String?)
    /// Neither the environment's locale nor C.UTF-8 gives UTF-8.
    case noUTF8Locale(String)
    /// The input or output device could not be opened.
    case cannotOpen(String)

    public var description: String {
        switch self {
        case .unknownTerminal(nil):
            "termlens: TERM is not set; set it to your terminal type (for example TERM=xterm-256color)"
        case .unknownTerminal(let name?):
            "termlens: unknown terminal type '\(name)'; set TERM to a type this system knows (for example TERM=xterm-256color)"
        case .noUTF8Locale(let codeset):
            "termlens: the locale's character set is \(codeset), not UTF-8; set LANG=C.UTF-8 or another UTF-8 locale"
        case .cannotOpen(let path):
            "termlens: cannot open \(path) for the terminal"
        }
    }

    /// 2, the usage-error code: the terminal environment is not usable.
    public var exitCode: Int32 { 2 }
}
