import ArgumentParser
import Browser
import Foundation
import PolicyModel

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put vendors, surfaces or documents side by side.",
        discussion: """
            Vendors: each VENDOR stands for all its surfaces (one column each); VENDOR/SURFACE for one.
            One row per question: the answer as symbol and word, and the summary.
            Documents: VENDOR/DOC[@VERSION] (default the newest loaded version), aligned clause by
            clause: same number first (4.3 ↔ 4.3, 第四条 ↔ 4., （1） ↔ (1)), then by order; ★ marks
            clauses that verdicts quote. With more than two documents, --json adds rows[{clauses[]}].
            Examples:
              termlens compare deepseek openai anthropic
              termlens compare deepseek/api openai/api --question train-on-inputs --json
              termlens compare deepseek/terms-of-service deepseek/user-agreement-zh --sources ../shared/ota/sample
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Vendors, vendor/surface pairs, or documents vendor/doc[@version] (two or more).") var items: [String] = []
    @Option(help: "Only this question (vendors only).") var question: String?
    @Option(help: "Width of the text table in cells (default: the terminal's, else 100).") var width: Int?
    @Option(help: "Lines of text shown per clause (documents; default 6, 0 for all).") var lines: Int = 6
    @Flag(help: "Print JSON (shapes in README).") var json = false

    func validate() throws {
        if let width, width < 40 { throw ValidationError("--width must be at least 40") }
        if lines < 0 { throw ValidationError("--lines must be 0 or more") }
    }

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        let catalog = app.catalog
        let output = CatalogJSON(catalog: catalog, language: app.language)
        let layout = ComparisonLayout(width: width ?? TerminalWidth.current(), language: app.language)
        switch catalog.comparisonRequest(items) {
        case .failure(let error):
            throw Self.exit(error)
        case .success(.vendors(let columns)):
            let comparison: VendorComparison
            switch catalog.compareVendors(columns, question: question) {
            case .failure(let error): throw Self.exit(error)
            case .success(let c): comparison = c
            }
            if json {
                Console.out(output.comparison(comparison).rendered())
            } else if BrowserLauncher.interactive && width == nil {
                // On a terminal: the comparison view of the browser.
                let screen = Screen.compare(VendorCompareView(columns: columns, question: question))
                try BrowserLauncher.run(app: app) { model, size in Browser.start(showing: screen, model: model, size: size) }
            } else {
                layout.render(comparison).forEach { Console.out($0) }
            }
        case .success(.documents(let documents)):
            guard question == nil else { throw TermlensExit.usage("--question applies to vendors, not documents") }
            switch catalog.compareDocuments(documents) {
            case .failure(let error):
                throw Self.exit(error)
            case .success(let comparison):
                if json {
                    Console.out(output.comparison(comparison).rendered())
                } else if BrowserLauncher.interactive && documents.count == 2 && width == nil {
                    let refs = documents.map { DocumentRef(vendor: $0.0.vendor, document: $0.0.id, version: $0.1.date) }
                    let screen = Screen.documentCompare(DocumentCompareView(left: refs[0], right: refs[1]))
                    try BrowserLauncher.run(app: app) { model, size in Browser.start(showing: screen, model: model, size: size) }
                } else {
                    layout.render(comparison, maxLines: lines == 0 ? nil : lines).forEach { Console.out($0) }
                }
            }
        }
    }

    static func exit(_ error: CompareError) -> TermlensExit {
        switch error {
        case .usage(let m):
            return .usage(m)
        case .notFound(let m):
            Console.error("termlens: \(m)")
            return .noResult
        case .badText(let e):
            Console.error(e.description)
            return .badData
        }
    }
}

/// The width of the terminal on stdout: $COLUMNS, else the terminal's own, else 100.
enum TerminalWidth {
    static func current() -> Int { ofTerminal() ?? 100 }

    /// $COLUMNS, else the terminal's width; nil when stdout is no terminal (a pipe or a file,
    /// where lines are not cut).
    static func ofTerminal() -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return columns }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 {
            return Int(size.ws_col)
        }
        return nil
    }
}
