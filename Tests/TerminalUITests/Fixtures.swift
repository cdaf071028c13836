import TerminalUI
import TextCells

/// The two screen sizes every widget is checked at.
let screenSizes: [Size] = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

/// Rows of `buffer` without trailing spaces, for readable snapshots.
func rows(_ buffer: CellBuffer) -> [String] {
    buffer.textLines(trimmed: true)
}

/// Checks the wide-glyph invariant and that each row is exactly the buffer's
/// width; returns the problems found.
func invariantProblems(_ buffer: CellBuffer) -> [String] {
    var problems: [String] = []
    for y in 0..<buffer.height {
        for x in 0..<buffer.width {
            let cell = buffer[x, y]
            if cell.isContinuation && (x == 0 || buffer[x - 1, y].width != 2) {
                problems.append("orphan continuation at \(x),\(y)")
            }
            if cell.width == 2 && (x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation) {
                problems.append("wide glyph without continuation at \(x),\(y)")
            }
        }
    }
    for (y, row) in buffer.textLines().enumerated() where row.cellWidth(buffer.policy) != buffer.width {
        problems.append("row \(y) is \(row.cellWidth(buffer.policy)) cells")
    }
    return problems
}

/// Columns of row `y` drawn in `role`.
func columns(of role: Role, row y: Int, in buffer: CellBuffer) -> [Int] {
    buffer.styles(row: y).enumerated().filter { $0.element.role == role }.map(\.offset)
}

let vendorItems: [ListItem] = [
    ListItem("Anthropic", trailing: "3 surfaces"),
    ListItem("DeepSeek 深度求索", trailing: "2 surfaces"),
    ListItem("Google", trailing: "3 surfaces"),
    ListItem("Mistral AI", trailing: "2 surfaces"),
    ListItem("OpenAI", trailing: "3 surfaces"),
]

enum SampleAction: Hashable, Sendable {
    case down, up, open, close, help, search, quit
    case jump(Int)
}

let sampleList = KeyTable<SampleAction>("Vendor list", [
    Binding([.down, .character("j")], .down, hint: "move", help: "Select the next vendor"),
    Binding([.up, .character("k")], .up, help: "Select the previous vendor"),
    Binding([.enter], .open, hint: "open", help: "Open the vendor's verdicts"),
    Binding([.character("q")], .close, help: "Close this view"),
])

let sampleGlobal = KeyTable<SampleAction>("Everywhere", [
    Binding([.character("?")], .help, hint: "help", help: "Show the keys of this view"),
    Binding([.character("/")], .search, hint: "search", help: "Search the quoted evidence"),
    Binding([.control("c")], .quit, hint: "quit", help: "Quit termlens"),
])

let sampleKeymap = Keymap([sampleList.group, sampleGlobal.group])
