import ArgumentParser
import Browser
import PolicyModel

struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the browser's key table (the same table the ? overlay shows) as Markdown.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = global.lang.flatMap(Language.init(rawValue:)) ?? .en
        Console.write(BrowserKeys.keymap(language).markdown())
    }
}
