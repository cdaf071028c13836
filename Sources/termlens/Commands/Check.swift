import ArgumentParser
import PolicyModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the data and anchor every quote; exit 0 only when all holds.",
        discussion: "Without sources, quotes in Open Terms Archive documents are counted as unverified (exit 0); --strict fails on them (exit 65). Quotes pinned to an older version that drifted in the newest are warnings.")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Fail (exit 65) on any quote that could not be verified.") var strict = false
    @Option(name: .customLong("only"), help: ArgumentHelp("Check only this vendor (repeatable); every layer is still loaded for references.", valueName: "vendor"))
    var only: [String] = []

    func run() throws {
        let app = AppContext.load(global)
        let only = try self.only.map { try app.catalog.lookUpVendor($0).orExit().id }
        let report = app.catalog.check(strict: strict, only: only.isEmpty ? nil : Set(only))
        for d in report.errors { Console.error(d.description) }
        for d in report.warnings { Console.error(d.description) }
        let s = app.style
        var line = (only.isEmpty ? "" : only.joined(separator: ", ") + ": ") + "\(report.verdicts.counted("verdict")), \(report.quotes.counted("quote")): \(report.count(.anchored) + report.count(.still)) anchored"
        let drifted = report.count(.moved) + report.count(.changed) + report.count(.gone)
        if drifted > 0 { line += ", \(drifted) drifted (\(report.count(.moved)) moved, \(report.count(.changed)) changed, \(report.count(.gone)) gone)" }
        line += ", \(report.count(.unverified)) unverified, \(report.count(.broken)) broken"
        Console.out(line)
        if !report.needsReview.isEmpty {
            let n = report.needsReview.count
            Console.out("\(n) verdict\(n == 1 ? " needs" : "s need") review (a quote changed or gone in the newest version): "
                        + report.needsReview.map { "\($0.vendor)/\($0.surface)/\($0.question)" }.joined(separator: ", "))
        }
        let sources = app.catalog.sources
        if sources.isEmpty {
            if report.count(.unverified) > 0 {
                Console.out(s.dim("No sources loaded: add --sources DIR (an Open Terms Archive dataset folder, e.g. ../shared/ota/sample) to verify the \(report.count(.unverified).counted("unverified quote"))."))
            }
        } else {
            Console.out(s.dim("Sources: \(sources.roots.joined(separator: ", ")) (\(sources.versionCount.counted("version")))"))
        }
        let errors = report.errors.count
        if errors > 0 { Console.out(errors.counted("error")) }
        Console.flush()
        let code = report.exitCode(strict: strict)
        if code != 0 { throw TermlensExit.badData }
    }
}
