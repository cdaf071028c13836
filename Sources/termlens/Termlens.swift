import ArgumentParser
import Foundation
import PolicyModel

struct Termlens: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "termlens",
        abstract: "What AI vendors' terms say about your data — verdicts backed by verbatim quotes.",
        discussion: """
            With no command: the browser when stdin and stdout are terminals, otherwise the overview as text.

            Data: the bundled analysis, plus --data DIR layers and TERMLENS_DATA; document texts from \
            --sources DIR and TERMLENS_SOURCES (Open Terms Archive datasets, colon-separated in the variable).

            Exit codes: 0 ok, 1 no result, 2 usage, 65 bad data.
            """,
        version: version,
        subcommands: [Browse.self, Show.self, Search.self, Compare.self, Diff.self, ChangesCommand.self, Check.self, QuoteCommand.self, NewCommand.self, Export.self, Bench.self, Keys.self, FirstFrameProbe.self]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        try BrowserLauncher.run(app: app, start: nil)
    }
}

/// Runs the command line with termlens's exit codes (2 for usage, not ArgumentParser's 64).
@main
enum Main {
    static func main() {
        Timings.mark("start")
        signal(SIGPIPE, SIG_IGN)
        // The subcommands' names, written out: asking ArgumentParser for them costs a millisecond at start-up.
        let names: Set<String> = ["browse", "show", "search", "compare", "diff", "changes", "check", "quote", "new", "export", "bench", "keys", "__first-frame", "help"]
        let args = CommandLine.reorderedArguments(Array(CommandLine.arguments.dropFirst()), subcommands: names)
        do {
            // `search` in its plain forms skips ArgumentParser (see FastSearchArguments); anything
            // else, errors included, goes through the full parse and its usual messages.
            // (TERMLENS_FULL_PARSE=1 turns the shortcut off, to compare the two.)
            if args.first == "search", getenv("TERMLENS_FULL_PARSE") == nil,
               let request = FastSearchArguments.parse(Array(args.dropFirst())) {
                try request.run()
                Console.flush()
                exit(0)
            }
            var command = try Termlens.parseAsRoot(args)
            try command.run()
            Console.flush()
            exit(0)
        } catch let exit as TermlensExit {
            Console.flush()
            if case .usage(let message?) = exit { Console.error("termlens: \(message)") }
            Foundation.exit(exit.code)
        } catch {
            Console.flush()
            let code = Termlens.exitCode(for: error)
            let message = Termlens.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { Console.out(message) }
                Console.flush()
                Foundation.exit(0)
            }
            if code.rawValue == 64 || error is ValidationError {
                if let word = unknownCommand(in: args, commands: names) {
                    let shown = Termlens.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
                    Console.error("termlens: unknown command `\(word)`; commands are \(shown.joined(separator: ", ")) (termlens --help describes them)")
                    Foundation.exit(2)
                }
                Console.error(message.isEmpty ? "termlens: invalid usage" : message)
                Foundation.exit(2)
            }
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(code.rawValue)
        }
    }

    /// The first word where a command belongs (after global options), when it names none.
    static func unknownCommand(in args: [String], commands: Set<String>) -> String? {
        var i = 0
        while i < args.count, args[i].hasPrefix("-") {
            i += GlobalOptions.valued.contains(args[i]) ? 2 : 1
        }
        guard i < args.count, !commands.contains(args[i]) else { return nil }
        return args[i]
    }
}
