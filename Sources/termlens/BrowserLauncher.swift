import Foundation
import PolicyModel

/// Starts the terminal browser, or prints the overview when there is no terminal.
enum BrowserLauncher {
    static func run(app: AppContext, start: Target?) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            VerdictPrinter(app: app).overview()
            return
        }
        // The browser is not part of this build yet: show the overview instead.
        VerdictPrinter(app: app).overview()
    }
}
