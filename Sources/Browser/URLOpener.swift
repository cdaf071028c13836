/// How `o` opens a URL: a browser command the program runs ($BROWSER, xdg-open). The browser
/// only asks for it; the program supplies it, and the tests a fake.
public struct URLOpener: Sendable {
    /// The command's name, for the status bar ("opening … with firefox").
    public var name: String
    /// It draws in the terminal (a text browser with no display): the terminal is handed
    /// over while it runs.
    public var needsTerminal: Bool
    /// Opens the URL; false when that failed.
    public var open: @Sendable (String) -> Bool

    public init(name: String, needsTerminal: Bool, open: @escaping @Sendable (String) -> Bool) {
        self.name = name
        self.needsTerminal = needsTerminal
        self.open = open
    }
}
