import BundledData
import Foundation
import PolicyModel

/// The loaded catalog and the settings derived from options and environment.
struct AppContext {
    let catalog: Catalog
    let language: Language
    let style: TextStyle
    /// --no-color or NO_COLOR: the browser draws with attributes only.
    let noColor: Bool
    /// The browser reports clicks and the wheel, unless --no-mouse or TERMLENS_NO_MOUSE (set,
    /// not empty and not 0) says no.
    let mouse: Bool
    /// The options this context was loaded from (to load again).
    let options: GlobalSettings

    static func load(_ options: GlobalOptions) -> AppContext { load(GlobalSettings(options)) }

    static func load(_ options: GlobalSettings) -> AppContext {
        let env = ProcessInfo.processInfo.environment
        var layers: [any LayerFiles] = [bundledLayer()]
        layers += options.data.map { DirectoryLayer(root: $0) }
        layers += pathList(env["TERMLENS_DATA"]).map { DirectoryLayer(root: $0) }
        let sources = options.sources + pathList(env["TERMLENS_SOURCES"])
        let catalog = CatalogLoader.load(layers: layers, sourceRoots: sources, cacheFolder: IndexCache.folder(env))
        let language = options.lang.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(env)
        let color = !options.noColor && (env["NO_COLOR"] ?? "").isEmpty && isatty(STDOUT_FILENO) == 1 && env["TERM"] != "dumb"
        let noColor = options.noColor || !(env["NO_COLOR"] ?? "").isEmpty
        let noMouse = options.noMouse || !["", "0"].contains(env["TERMLENS_NO_MOUSE"] ?? "")
        return AppContext(catalog: catalog, language: language, style: TextStyle(enabled: color), noColor: noColor, mouse: !noMouse, options: options)
    }

    /// The bundled Data/, embedded in the binary. Messages name the source tree's files when it is present.
    static func bundledLayer() -> InMemoryLayer {
        let root = BundledData.buildRoot
        let onDisk = FileManager.default.fileExists(atPath: root + "/questions.yaml")
        return InMemoryLayer(label: "embedded:Data", diskRoot: onDisk ? root : nil, files: BundledData.files)
    }

    static func pathList(_ value: String?) -> [String] {
        (value ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// Prints loading errors and exits 65 when the data is broken (every command but `check`).
    func requireValidData() throws {
        let errors = catalog.errors
        guard !errors.isEmpty else { return }
        for error in errors { Console.error(error.description) }
        Console.error("termlens: \(errors.count.counted("problem")) in the data; `termlens check` lists them all")
        throw TermlensExit.badData
    }
}

extension AppContext {
    /// After evidence was printed: report the quotes that did not anchor and exit 65.
    func refuseBrokenQuotes(_ verdicts: [Verdict]) throws {
        let broken = catalog.brokenQuotes(in: verdicts)
        guard !broken.isEmpty else { return }
        for d in broken { Console.error(d.description) }
        Console.error("termlens: \(broken.count.counted("broken quote")) (shown as broken); `termlens check` lists every problem")
        throw TermlensExit.badData
    }
}

/// Exit codes of the command line contract.
enum TermlensExit: Error {
    case noResult
    /// A usage error; the message (if any) is printed as `termlens: …`.
    case usage(String?)
    case badData
    /// The browser was ended by this signal (or Ctrl-C, SIGINT) and gave the terminal back.
    case signal(Int32)

    var code: Int32 {
        switch self {
        case .noResult: return 1
        case .usage: return 2
        case .badData: return 65
        case .signal(let number): return 128 + number
        }
    }
}
