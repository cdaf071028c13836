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

extension URLOpener {
    /// What `o` runs, as a shell command taking the URL as `"$1"`.
    public struct Plan: Hashable, Sendable {
        public var command: String
        public var name: String
        public var needsTerminal: Bool
    }

    /// Browsers that draw in the terminal, whatever the display.
    static let textBrowsers: Set<String> = ["lynx", "w3m", "links", "links2", "elinks", "browsh", "carbonyl", "www-browser"]

    /// The plan for an environment: `$BROWSER` (its first `:`-separated entry; `%s` stands for
    /// the URL, else the URL is added), else `xdg-open` when there is a display (`DISPLAY` or
    /// `WAYLAND_DISPLAY`), else nil (the URL is shown to copy). `$BROWSER` needs the terminal
    /// when there is no display, or when it is a known text browser.
    public static func plan(environment env: [String: String]) -> Plan? {
        let display = !(env["DISPLAY"] ?? "").isEmpty || !(env["WAYLAND_DISPLAY"] ?? "").isEmpty
        if let entry = env["BROWSER"]?.split(separator: ":").first.map({ String($0.drop { $0 == " " }) }), !entry.isEmpty {
            let program = entry.split(separator: " ").first.map(String.init) ?? entry
            let name = program.split(separator: "/").last.map(String.init) ?? program
            let command = entry.contains("%s") ? entry.replacingAll("%s", with: "\"$1\"") : entry + " \"$1\""
            return Plan(command: command, name: name, needsTerminal: !display || textBrowsers.contains(name))
        }
        guard display else { return nil }
        return Plan(command: "xdg-open \"$1\"", name: "xdg-open", needsTerminal: false)
    }
}

extension String {
    /// Every `target` replaced (no Foundation in the browser).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
