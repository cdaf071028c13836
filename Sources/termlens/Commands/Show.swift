import ArgumentParser
import PolicyModel
import TextCells

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show vendors, a vendor's verdicts, a surface, or one verdict with its quotes.",
        discussion: "Examples:\n  termlens show\n  termlens show deepseek\n  termlens show deepseek api\n  termlens show deepseek api train-on-inputs --json")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A vendor id (e.g. deepseek).") var vendor: String?
    @Argument(help: "A surface of the vendor (consumer, api, business).") var surface: String?
    @Argument(help: "A question id (e.g. train-on-inputs).") var question: String?
    @Option(name: .customLong("question"), help: ArgumentHelp("One question across every vendor, grouped by answer.", valueName: "question"))
    var across: String?
    @Option(help: ArgumentHelp("With --question: only verdicts with this answer.", valueName: "answer")) var answer: String?
    @Option(name: .customLong("surface"), help: ArgumentHelp("With --question: only this surface id (consumer, api, business…).", valueName: "surface"))
    var onlySurface: String?
    @Flag(help: "Print JSON (shapes in README).") var json = false

    func validate() throws {
        if across == nil && (answer != nil || onlySurface != nil) {
            throw ValidationError("--answer and --surface go with --question")
        }
        if across != nil && vendor != nil {
            throw ValidationError("--question shows every vendor: leave out VENDOR (or use show VENDOR SURFACE QUESTION)")
        }
        if let answer, Answer(rawValue: answer) == nil {
            throw ValidationError("--answer takes \(Answer.allCases.map(\.rawValue).joined(separator: ", ")), not `\(answer)`")
        }
    }

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        let catalog = app.catalog
        let json = CatalogJSON(catalog: catalog, language: app.language)
        let printer = VerdictPrinter(app: app)
        if let typedQuestion = across {
            let questionID = try catalog.lookUpQuestion(typedQuestion).orExit().id
            guard let table = catalog.acrossVendors(question: questionID, answer: answer.flatMap(Answer.init(rawValue:)), surface: onlySurface) else {
                throw TermlensExit.noResult
            }
            let verdicts = table.groups.flatMap(\.verdicts)
            if verdicts.isEmpty {
                Console.error("termlens: no verdict for \(questionID) with these filters")
                throw TermlensExit.noResult
            }
            if self.json { Console.out(JSONValue.array(verdicts.map(json.verdict)).rendered()) } else { printer.across(table, width: TerminalWidth.ofTerminal()) }
            Console.flush()
            try app.refuseBrokenQuotes(verdicts)
            return
        }
        guard let typedVendor = vendor else {
            if self.json { Console.out(JSONValue.array(catalog.vendors.map(json.vendorSummary)).rendered()) } else { printer.vendorList() }
            return
        }
        let v = try catalog.lookUpVendor(typedVendor).orExit()
        guard let typedSurface = surface else {
            if self.json {
                Console.out(json.vendorDetail(v).rendered())
                Console.flush()
                try app.refuseBrokenQuotes(v.verdicts)
            } else {
                printer.vendor(v)
            }
            return
        }
        let surfaceID = try v.lookUpSurface(typedSurface).orExit().id
        guard let typedQuestion = question else {
            let verdicts = catalog.questions.compactMap { v.verdict(surface: surfaceID, question: $0.id) }
            if self.json { Console.out(JSONValue.array(verdicts.map(json.verdict)).rendered()) } else { printer.surface(v, surfaceID) }
            Console.flush()
            try app.refuseBrokenQuotes(verdicts)
            return
        }
        let questionID = try catalog.lookUpQuestion(typedQuestion).orExit().id
        guard let verdict = v.verdict(surface: surfaceID, question: questionID) else {
            Console.error("termlens: no verdict for \(v.id)/\(surfaceID)/\(questionID) in the data")
            throw TermlensExit.noResult
        }
        if self.json { Console.out(json.verdict(verdict).rendered()) } else { printer.verdict(verdict) }
        Console.flush()
        try app.refuseBrokenQuotes([verdict])
    }
}
