import ArgumentParser
import PolicyModel

struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the terminal browser, optionally at a TARGET.",
        discussion: "TARGET: VENDOR, VENDOR/SURFACE, VENDOR/SURFACE/QUESTION (verdict detail) or VENDOR/DOC[@VERSION][:SECTION] (clause pane).\nExamples:\n  termlens browse deepseek/consumer/train-on-inputs\n  termlens browse deepseek/user-agreement-zh:4.3")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where to open.") var target: String?

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        var start: Target?
        if let target {
            switch Target.parse(target, in: app.catalog) {
            case .success(let t): start = t
            case .failure(.malformed(let m)): throw TermlensExit.usage(m)
            case .failure(.notFound(let m)):
                Console.error("termlens: \(m)")
                throw TermlensExit.noResult
            }
        }
        try BrowserLauncher.run(app: app, start: start)
    }
}
