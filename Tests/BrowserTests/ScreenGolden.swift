import Foundation
import TerminalUI

/// A whole screen as a reviewable text file: the rows as text, then one character per cell
/// saying how it is styled, then what those characters mean. Regenerate every golden with
/// `Scripts/update-goldens.sh` (TERMLENS_UPDATE_GOLDENS=1) and review the diff.
enum ScreenGolden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    static var updating: Bool { ProcessInfo.processInfo.environment["TERMLENS_UPDATE_GOLDENS"] == "1" }

    /// One letter per role; a capital when the cell is also bold.
    static func letter(_ role: Role) -> Character {
        switch role {
        case .normal: "."
        case .dim: "d"
        case .heading: "h"
        case .title: "t"
        case .border: "b"
        case .selection: "s"
        case .selectionInactive: "i"
        case .highlight: "q"
        case .strongHighlight: "m"
        case .match: "f"
        case .favourable: "g"
        case .unfavourable: "r"
        case .mixed: "y"
        case .neutral: "n"
        case .added: "a"
        case .removed: "z"
        case .statusBar: "x"
        case .statusKey: "k"
        case .prompt: "p"
        case .cursor: "r"
        case .error: "e"
        case .warning: "w"
        case .link: "l"
        }
    }

    static func describe(_ style: Style) -> String {
        var words = [style.role.rawValue]
        if style.attributes.contains(.bold) { words.append("bold") }
        if style.attributes.contains(.underline) { words.append("underline") }
        if style.attributes.contains(.reverse) { words.append("reverse") }
        if style.attributes.contains(.dim) { words.append("dim") }
        return words.joined(separator: "+")
    }

    static func encode(_ buffer: CellBuffer, title: String) -> String {
        var legend: [Character: String] = [:]
        // Styles with attributes beyond bold get the symbols below, in order of appearance.
        var extra: [Style: Character] = [:]
        let symbols = Array("123456789*#%&@+=~^")
        var styleRows: [String] = []
        for y in 0..<buffer.height {
            var row = ""
            for style in buffer.styles(row: y) {
                let c: Character
                if style.attributes.subtracting(.bold).isEmpty {
                    let base = letter(style.role)
                    c = style.attributes.contains(.bold) ? Character(base.uppercased()) : base
                } else if let known = extra[style] {
                    c = known
                } else {
                    c = symbols[min(extra.count, symbols.count - 1)]
                    extra[style] = c
                }
                legend[c] = describe(style)
                row.append(c)
            }
            styleRows.append(row)
        }
        var out = "\(title) \(buffer.width)×\(buffer.height)\n──── text\n"
        out += buffer.textLines(trimmed: true).joined(separator: "\n") + "\n"
        out += "──── styles\n" + styleRows.joined(separator: "\n") + "\n"
        out += "──── legend\n" + legend.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "\n") + "\n"
        return out
    }

    /// Compares `buffer` with the golden file `name`, or (updating) writes it. Returns what
    /// differs, or nil.
    static func check(_ buffer: CellBuffer, name: String) throws -> String? {
        let file = folder.appendingPathComponent(name + ".txt")
        let actual = encode(buffer, title: name)
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "no golden \(file.lastPathComponent): run Scripts/update-goldens.sh and review the new file"
        }
        guard expected != actual else { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        return """
            \(name) differs from its golden at line \(line + 1) (run Scripts/update-goldens.sh and review the diff):
              golden: \(line < a.count ? String(a[line]) : "(end)")
              now:    \(line < b.count ? String(b[line]) : "(end)")
            """
    }
}
