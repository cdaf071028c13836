import Browser
import Foundation

/// Runs what `o` in the browser opens URLs with (`URLOpener.plan` decides what, from the
/// environment): a text browser in the foreground on the terminal, its exit status deciding;
/// any other in the background with no terminal, so a graphical browser that keeps running does
/// not hold the browser up (the command must exist).
enum URLOpening {
    static func opener(environment env: [String: String]) -> URLOpener? {
        guard let plan = URLOpener.plan(environment: env) else { return nil }
        return URLOpener(name: plan.name, needsTerminal: plan.needsTerminal) { url in
            run(plan, url: url)
        }
    }

    /// Runs the plan's command through sh with the URL as its one argument, never spliced into
    /// the command text.
    static func run(_ plan: URLOpener.Plan, url: String) -> Bool {
        let program = plan.command.split(separator: " ").first.map(String.init) ?? plan.command
        let script = plan.needsTerminal
            ? plan.command
            : "command -v \(shellQuoted(program)) >/dev/null 2>&1 || exit 127; (\(plan.command) </dev/null >/dev/null 2>&1 &)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", url]
        if !plan.needsTerminal {
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
