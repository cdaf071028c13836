import ArgumentParser
import Foundation
import PolicyModel

/// `termlens new vendor …`: the files a contributor starts from.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start new analysis data (new vendor).",
        subcommands: [NewVendor.self])
}

struct NewVendor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vendor",
        abstract: "Write vendor.yaml, a document.yaml per terms type of the services, and an unknown stub per surface × question.",
        discussion: """
            Reads the services' terms types from the loaded sources; never overwrites. `check` accepts
            the stubs; replace them one by one (Data/README.md, Contributing a vendor).
            Example:
              termlens new vendor perplexity --name Perplexity --service Perplexity --surface consumer --surface api \\
                --into my-layer --sources ../shared/ota/sample
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The vendor id: lowercase letters, digits and dashes.") var id: String
    @Option(help: "The vendor's name as people know it.") var name: String
    @Option(help: ArgumentHelp("An Open Terms Archive service name, exactly as its folder (repeatable).", valueName: "OTA service"))
    var service: [String] = []
    @Option(help: ArgumentHelp("A surface id: consumer, api, business… (repeatable; default consumer).", valueName: "surface"))
    var surface: [String] = []
    @Option(help: ArgumentHelp("The data layer folder to write into (default: the first --data folder).", valueName: "dir"))
    var into: String?

    func validate() throws {
        if service.isEmpty { throw ValidationError("name at least one --service (an Open Terms Archive service, e.g. \"Microsoft Copilot\")") }
    }

    func run() throws {
        let app = AppContext.load(global)
        try app.requireValidData()
        guard let folder = into ?? global.data.first else {
            throw TermlensExit.usage("say where to write: --into DIR (a data layer folder, used later with --data DIR)")
        }
        let scaffold = VendorScaffold(id: id, name: name, services: service, surfaces: surface)
        let files: [(path: String, text: String)]
        switch scaffold.files(in: app.catalog) {
        case .success(let f): files = f
        case .failure(.badID(let m)): throw TermlensExit.usage(VendorScaffold.Problem.badID(m).description)
        case .failure(let problem):
            Console.error("termlens: \(problem)")
            throw TermlensExit.noResult
        }
        let root = (folder as NSString).standardizingPath
        let fm = FileManager.default
        let vendorFolder = root + "/vendors/" + id
        if fm.fileExists(atPath: vendorFolder) {
            Console.error("termlens: \(vendorFolder) exists already: new vendor never overwrites")
            throw TermlensExit.noResult
        }
        for file in files {
            let path = root + "/" + file.path
            do {
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                // withoutOverwriting: O_EXCL, so a file that appeared meanwhile is never replaced.
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                Console.error("\(path): error: cannot write (\(error.localizedDescription))")
                throw TermlensExit.badData
            }
            Console.out("wrote \(path)")
        }
        let sources = global.sources.map { " --sources \($0)" }.joined()
        Console.out("""

            Next: replace each stub in \(root)/vendors/\(id)/verdicts.yaml, finding quotes with
              termlens quote \(id)/DOC "a passage" --data \(root)\(sources)
            and check your vendor alone with
              termlens check --strict --only \(id) --data \(root)\(sources)
            """)
    }
}
