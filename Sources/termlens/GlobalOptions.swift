import ArgumentParser
import PolicyModel

/// Options every command takes, before or after the subcommand's name.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("Add an analysis layer over the bundled data (repeatable; later layers win).", valueName: "DIR"))
    var data: [String] = []

    @Option(name: .customLong("sources"), help: ArgumentHelp("Add an Open Terms Archive dataset folder with document texts (repeatable).", valueName: "DIR"))
    var sources: [String] = []

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language of the interface and summaries: en or zh (default: from the locale).", valueName: "en|zh"))
    var lang: String?

    @Flag(name: .customLong("no-color"), help: "No colour (as does the NO_COLOR environment variable).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "The browser leaves the mouse to the terminal (as does TERMLENS_NO_MOUSE=1).")
    var noMouse = false

    func validate() throws {
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang takes `en` or `zh`, not `\(lang)`")
        }
    }

    /// The names of options that take a value, for moving them after the subcommand.
    static let valued: Set<String> = ["--data", "--sources", "--lang"]
    static let flags: Set<String> = ["--no-color", "--no-mouse"]
}

/// The global options as plain values (what commands read; no parser needed to make one).
struct GlobalSettings {
    var data: [String] = []
    var sources: [String] = []
    var lang: String?
    var noColor = false
    var noMouse = false

    init() {}

    init(_ options: GlobalOptions) {
        data = options.data
        sources = options.sources
        lang = options.lang
        noColor = options.noColor
        noMouse = options.noMouse
    }
}

extension CommandLine {
    /// Moves global options written before the subcommand to after it, so
    /// `termlens --data D check` and `termlens check --data D` mean the same.
    static func reorderedArguments(_ args: [String], subcommands: Set<String>) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < args.count {
            let arg = args[i]
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            if GlobalOptions.valued.contains(name) {
                leading.append(arg)
                if !arg.contains("="), i + 1 < args.count { leading.append(args[i + 1]); i += 1 }
                i += 1
                continue
            }
            if GlobalOptions.flags.contains(arg) {
                leading.append(arg)
                i += 1
                continue
            }
            break
        }
        guard i < args.count, subcommands.contains(args[i]) else { return args }
        return [args[i]] + leading + Array(args[(i + 1)...])
    }
}
