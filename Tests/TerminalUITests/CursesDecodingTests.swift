import Testing
import CNcursesW
@testable import CursesTerminal
import TerminalUI
import TextCells

@Suite struct InputDecoderTests {
    @Test(arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .control("a")), (4, .control("d")), (21, .control("u")), (15, .control("o")),
        // Ctrl-Z is a key like any other: the browser's key table decides what it does.
        (26, .control("z")),
        (0x71, .character("q")), (0x20, .character(" ")), (0x2F, .character("/")), (0x8BAD, .character("训")),
    ])
    func characterCodes(_ code: UInt32, _ key: Key) {
        #expect(InputDecoder.character(code) == key)
    }

    @Test(arguments: [UInt32(0), 28, 0x85, 0x9B, 0xD800])
    func controlsThatAreNotKeysAreDropped(_ code: UInt32) {
        #expect(InputDecoder.character(code) == nil)
    }

    @Test func mouseReportsBecomeClicksAndTheWheel() {
        #expect(InputDecoder.mouse(buttons: tl_button1_pressed(), x: 3, y: 4) == Mouse(.click, x: 3, y: 4))
        #expect(InputDecoder.mouse(buttons: tl_button1_clicked(), x: 0, y: 0) == Mouse(.click, x: 0, y: 0))
        #expect(InputDecoder.mouse(buttons: tl_button4_pressed(), x: 9, y: 1) == Mouse(.wheelUp, x: 9, y: 1))
        #expect(InputDecoder.mouse(buttons: tl_button5_pressed(), x: 9, y: 1) == Mouse(.wheelDown, x: 9, y: 1))
        #expect(InputDecoder.mouse(buttons: 0, x: 1, y: 1) == nil, "releases and other buttons are dropped")
        #expect(InputDecoder.mouse(buttons: tl_button1_released(), x: 1, y: 1) == nil, "a release is asked for, and dropped")
    }

    @Test func functionKeys() {
        let table: [(Int32, Key)] = [(KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
                                     (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
                                     (KEY_BTAB, .backTab), (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace),
                                     (KEY_DC, .delete), (tl_key_f(1), .function(1)), (tl_key_f(12), .function(12))]
        for (code, key) in table { #expect(InputDecoder.functionKey(UInt32(code)) == key) }
        #expect(InputDecoder.functionKey(UInt32(KEY_MOUSE)) == nil)
    }
}

extension CursesSmokeTests {
    /// Where libc's widths differ from ours, the presenter draws pieces that
    /// add up to our width, so ncurses' cursor never drifts.
    @Test func cursesFormsAddUpToTheCellWidth() throws {
        let terminal = try CursesTerminal(options: Self.options)  // sets the UTF-8 locale wcwidth needs
        defer { terminal.shutdown() }
        func form(_ c: Character, _ width: UInt8) -> [[UInt32]] {
            CellPresenter.cursesForm(of: Cell(c, width: width)).map { $0.scalars.map { UInt32(bitPattern: $0) } }
        }
        #expect(form("中", 2) == [[0x4E2D]])
        #expect(form("e\u{301}", 1) == [[0x65, 0x301]])
        #expect(form("⚠\u{FE0F}", 2) == [[0x26A0], [0x20]])
        #expect(form("🇨🇳", 2) == [[0x1F1E8], [0x1F1F3]])
        #expect(form("👨\u{200D}👩\u{200D}👧", 2) == [[0x1F468]])
        for c: Character in ["a", "中", "😀", "⚠\u{FE0F}", "🇨🇳", "e\u{301}", "1\u{FE0F}\u{20E3}"] {
            let w = UInt8(c.cellWidth())
            let pieces = CellPresenter.cursesForm(of: Cell(c, width: w))
            #expect(pieces.reduce(0) { $0 + $1.width } == Int(w))
            #expect(pieces.allSatisfy { Int(tl_wcwidth($0.scalars[0])) == $0.width })
        }
    }
}
