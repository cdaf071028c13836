import Browser
import Foundation

/// What `o` in the browser opens URLs with: `$BROWSER` (its first `:`-separated entry; `%s`
/// stands for the URL, else the URL is added), or `xdg-open` when there is a display. With no
/// display, `$BROWSER` is a text browser: it gets the terminal while it runs. With neither,
/// nil: the browser shows the URL to copy.
enum URLOpening {
    static func opener(environment env: [String: String]) -> URLOpener? {
        let display = !(env["DISPLAY"] ?? "").isEmpty || !(env["WAYLAND_DISPLAY"] ?? "").isEmpty
        if let browser = env["BROWSER"]?.split(separator: ":").first.map(String.init), !browser.trimmingCharacters(in: .whitespaces).isEmpty {
            return URLOpener(name: commandName(browser), needsTerminal: !display) { url in
                run(command(browser), url: url, detached: display)
            }
        }
        guard display else { return nil }
        return URLOpener(name: "xdg-open", needsTerminal: false) { url in run("xdg-open \"$1\"", url: url, detached: true) }
    }

    /// A shell command with the URL as `"$1"`: where `%s` is, else at the end.
    static func command(_ browser: String) -> String {
        browser.contains("%s") ? browser.replacingOccurrences(of: "%s", with: "\"$1\"") : browser + " \"$1\""
    }

    /// The program's name, for the status bar.
    static func commandName(_ browser: String) -> String {
        let first = browser.split(separator: " ").first.map(String.init) ?? browser
        return URL(fileURLWithPath: first).lastPathComponent
    }

    /// Runs `command` through sh with the URL as its one argument (never spliced into the
    /// command text). Detached: in the background with no terminal, so a graphical browser
    /// that keeps running does not hold the loop; the command must exist. Else in the
    /// foreground on the terminal, its exit status deciding.
    static func run(_ command: String, url: String, detached: Bool) -> Bool {
        let program = command.split(separator: " ").first.map(String.init) ?? command
        let script = detached
            ? "command -v \(shellQuoted(program)) >/dev/null 2>&1 || exit 127; (\(command) </dev/null >/dev/null 2>&1 &)"
            : command
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", url]
        if detached {
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
