import Testing
@testable import Browser
import PolicyModel
import TerminalUI
import TextCells

/// The role of the cells where `text` is drawn on row `y` (the first cell's), found by
/// display column.
func role(of text: String, row y: Int, in buffer: CellBuffer, after column: Int = 0) -> String? {
    let line = buffer.textLines()[y]
    guard let range = line.range(of: text, range: line.index(line.startIndex, offsetBy: min(column, line.count))..<line.endIndex) else { return nil }
    let x = String(line[..<range.lowerBound]).cellWidth()
    return buffer.styles(row: y)[x].role.rawValue
}

@Suite("Colours")
struct ColourTests {
    /// Answers are coloured by what they mean for the person whose data it is: "✓ yes" to
    /// "Do I own the outputs?" is good news, to "Are my inputs used to train models?" bad news.
    @Test func answersAreColouredByToneNotByWord() throws {
        // The selected cell is drawn as the selection: keep it off the cells looked at.
        var acmeSession = try Session(model: TestCatalog.fixture(), width: 120, height: 30, at: "acme")
        acmeSession.type("G l")
        let acme = acmeSession.screen
        // Rows: 2 train-on-inputs (favourable no), 3 opt-out (yes), 4 outputs (yes), 5 location (neutral).
        #expect(role(of: "✓ yes", row: 2, in: acme) == "unfavourable")
        #expect(role(of: "✓ yes", row: 3, in: acme) == "favourable")
        #expect(role(of: "✓ yes", row: 4, in: acme) == "favourable")
        #expect(role(of: "◐ conditional", row: 5, in: acme) == "neutral")
        #expect(role(of: "∅ silent", row: 2, in: acme) == "neutral")
        var boltSession = try Session(model: TestCatalog.fixture(), width: 120, height: 30, at: "bolt")
        boltSession.type("G")
        var bolt = boltSession.screen
        #expect(role(of: "◐ conditional", row: 2, in: bolt) == "mixed")
        #expect(role(of: "✗ no", row: 3, in: bolt) == "unfavourable")
        #expect(role(of: "✗ no", row: 4, in: bolt) == "unfavourable")
        boltSession.type("g")
        bolt = boltSession.screen
        #expect(role(of: "✗ no", row: 5, in: bolt) == "neutral")
        // The detail's answer line too.
        let detail = try Session(model: TestCatalog.fixture(), at: "acme/consumer/output-ownership").screen
        #expect(role(of: "✓ yes", row: 2, in: detail) == "favourable")
    }

    @Test func theLegendSaysWhatColoursMeanWhenThereAreColours() throws {
        let s = try Session(model: TestCatalog.fixture(), width: 100, height: 24)
        let legend = try #require(s.lines.last { $0.contains("good for you") }, "\(s.text)")
        let y = try #require(s.lines.firstIndex(of: legend))
        #expect(role(of: "good for you", row: y, in: s.screen) == "favourable")
        #expect(role(of: "bad for you", row: y, in: s.screen) == "unfavourable")
        #expect(role(of: "mixed", row: y, in: s.screen) == "mixed")
        let mono = TestCatalog.fixture()
        mono.monochrome = true
        let plain = try Session(model: mono, width: 100, height: 24)
        #expect(!plain.text.contains("good for you"), "without colour there is nothing to explain")
        // The ? overlay of a view with answers explains them as well.
        var help = try Session(model: TestCatalog.fixture(), width: 100, height: 40, at: "acme")
        help.type("?")
        #expect(help.text.contains("good for you"), "\(help.text)")
    }

    /// Removed text red, added green, as diff tools draw them; without colour wdiff's marks, as
    /// `termlens diff` prints them, and no underline anywhere.
    @Test func diffsAreRedAndGreenOrMarkedWithoutColour() throws {
        var s = try Session(model: TestCatalog.fixture(), at: "acme")
        s.type("d j v d")
        let screen = s.screen
        let y = try #require(screen.textLines().firstIndex { $0.contains("4.4 We keep Inputs for") })
        #expect(role(of: "90", row: y, in: screen) == "removed")
        #expect(role(of: "30", row: y, in: screen) == "added")
        for row in 0..<screen.height {
            #expect(!screen.styles(row: row).contains { $0.attributes.contains(.underline) }, "row \(row)")
        }
        let mono = TestCatalog.fixture()
        mono.monochrome = true
        var plain = try Session(model: mono, width: 100, height: 24, at: "acme")
        plain.type("d j v d")
        #expect(plain.lines.contains("    4.4 We keep Inputs for [-90-]{+30+} days{+, then delete them+}."), "\(plain.text)")
        #expect(plain.lines.contains("    {+4.5 Business customers may turn off training for their whole organisation.+}"))
        let monoScreen = plain.screen
        for row in 0..<monoScreen.height {
            #expect(!monoScreen.styles(row: row).contains { $0.attributes.contains(.underline) }, "row \(row)")
        }
    }

    @Test func theMonoProfileDrawsNeitherTonesNorDiffsInColourAndKeepsThemReadable() {
        for name in ["favourable", "unfavourable", "mixed", "neutral", "added", "removed"] {
            guard let role = Role(rawValue: name) else {
                Issue.record("no role \(name)")
                continue
            }
            let mono = ColorProfile.mono.appearance(of: Style(role))
            #expect(mono.foreground == .terminalDefault && mono.background == .terminalDefault)
            #expect(!mono.attributes.contains(.underline), "\(name) underlined without colour")
            let colour = ColorProfile(.ansi256).appearance(of: Style(role))
            #expect(name == "neutral" || colour.foreground != .terminalDefault, "\(name) has a colour")
        }
    }
}
