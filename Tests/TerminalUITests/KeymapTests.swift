import Testing
import TerminalUI

@Suite struct KeymapTests {
    @Test func aTableGivesTheTypedActionOfAKey() {
        #expect(sampleList.action(for: .character("q")) == .close)
        #expect(sampleList.action(for: .down) == .down)
        #expect(sampleGlobal.action(for: .control("c")) == .quit)
        #expect(sampleList.action(for: .character("?")) == nil)
    }

    @Test func eachKeyOfABindingCanCarryItsOwnAction() {
        let digits: [Key] = [.character("1"), .character("2"), .character("3")]
        let table = KeyTable<SampleAction>("Jumps", [
            Binding(digits, each: { key in
                if case .character(let c) = key, let n = c.wholeNumberValue { return .jump(n) }
                return .jump(0)
            }, help: "Jump to item 1–3"),
        ])
        #expect(table.action(for: .character("2")) == .jump(2))
        #expect(table.action(for: .character("4")) == nil)
        #expect(table.group.entries.map(\.keyNames) == ["1–3"], "one entry in help for the three keys, a run of digits as a range")
    }

    @Test func mappingATableKeepsItsKeysAndWords() {
        enum Outer: Hashable, Sendable { case list(SampleAction) }
        let mapped = sampleList.map(Outer.list)
        #expect(mapped.action(for: .enter) == .list(.open))
        #expect(mapped.group == sampleList.group)
    }

    @Test func hintsComeFromTheTablesInOrder() {
        #expect(sampleKeymap.hints() == [
            Hint(keys: "↓", label: "move"), Hint(keys: "Enter", label: "open"),
            Hint(keys: "?", label: "help"), Hint(keys: "/", label: "search"), Hint(keys: "C-c", label: "quit"),
        ])
    }

    @Test func helpLinesListEveryBinding() {
        let text = sampleKeymap.helpLines().map { $0.map(\.text).joined() }
        #expect(text == [
            "Vendor list",
            " ↓/j    Select the next vendor",
            " ↑/k    Select the previous vendor",
            " Enter  Open the vendor's verdicts",
            " q      Close this view",
            "",
            "Everywhere",
            " ?      Show the keys of this view",
            " /      Search the quoted evidence",
            " C-c    Quit termlens",
        ])
    }

    @Test func markdownListsAllGroups() {
        let md = sampleKeymap.markdown()
        #expect(md.contains("### Vendor list"))
        #expect(md.contains("| `↓` `j` | Select the next vendor |"))
        #expect(md.contains("| `C-c` | Quit termlens |"))
    }

    @Test func aKeyBoundTwiceWhereGroupsMeetIsAConflict() {
        #expect(sampleKeymap.conflicts().isEmpty)
        var inOneTable = sampleList
        inOneTable.bindings.append(Binding([.character("j")], .open, help: "x"))
        #expect(Keymap([inOneTable.group]).conflicts() == [.character("j")])
        var acrossTables = sampleGlobal
        acrossTables.bindings.append(Binding([.character("q")], .quit, help: "Quit"))
        #expect(Keymap([sampleList.group, acrossTables.group]).conflicts() == [.character("q")])
    }

    @Test(arguments: [Key.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter,
                      .escape, .backspace, .delete, .insert, .function(5), .control("d"), .character(" "),
                      .character("g"), .character("中")])
    func keyNamesRoundTrip(_ key: Key) {
        #expect(Key(name: key.name) == key)
    }

    @Test func keyNamesAcceptCommonSpellings() {
        #expect(Key(name: "Ctrl-U") == .control("u"))
        #expect(Key(name: "Up") == .up)
        #expect(Key(name: "C-1") == nil)
        #expect(Key(name: "nonsense") == nil)
    }
}

@Suite struct HelpLineWrappingTests {
    @Test func helpWiderThanTheBoxWrapsUnderItsColumn() {
        let table = KeyTable<SampleAction>("Lists", [
            Binding([.enter], .open, help: "Open the selected verdict with every quote it has"),
        ])
        let lines = Keymap([table.group]).helpLines(width: 30).map { $0.map(\.text).joined() }
        #expect(lines == ["Lists", " Enter  Open the selected", "        verdict with every", "        quote it has"])
    }

    /// At 40 columns the key column is at most ten cells: a longer key list takes its line and
    /// the help goes on under the column, so short help lines are not wrapped thrice.
    @Test func aNarrowScreenKeepsTheKeyColumnNarrow() {
        let table = KeyTable<SampleAction>("Scrolling", [
            Binding([.pageDown, .character(" "), .character("f"), .control("d")], .down, help: "Page down"),
            Binding([.enter], .open, help: "Open the selected quote in its clause"),
        ])
        let lines = Keymap([table.group]).helpLines(width: 38).map { $0.map(\.text).joined() }
        #expect(lines == ["Scrolling", " PgDn/Space/f/C-d  Page down", " Enter       Open the selected quote", "             in its clause"], "\(lines)")
    }

    @Test func aNarrowBoxPutsTheHelpBelowItsKeys() {
        let table = KeyTable<SampleAction>("Lists", [
            Binding([.pageDown, .character(" "), .control("d")], .down, help: "Page down"),
        ])
        let lines = Keymap([table.group]).helpLines(width: 16).map { $0.map(\.text).joined() }
        #expect(lines == ["Lists", " PgDn/Space/C-d", "   Page down"])
    }
}
