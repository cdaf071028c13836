import Testing
import TerminalUI

@Suite struct KeymapTests {
    @Test func innerContextsShadowOuterOnes() {
        #expect(sampleKeymap.action(for: .character("q"), in: ["list", "global"]) == "close")
        #expect(sampleKeymap.action(for: .character("q"), in: ["global"]) == "quit")
        #expect(sampleKeymap.action(for: .control("c"), in: ["list", "global"]) == "quit")
        #expect(sampleKeymap.action(for: .character("j"), in: ["global"]) == nil)
        #expect(sampleKeymap.action(for: .down, in: ["nonexistent", "list"]) == "down")
    }

    @Test func hintsComeFromTheTableInContextOrder() {
        #expect(sampleKeymap.hints(in: ["list", "global"]) == [
            Hint(keys: "↓", label: "move"), Hint(keys: "Enter", label: "open"),
            Hint(keys: "?", label: "help"), Hint(keys: "/", label: "search"), Hint(keys: "C-c", label: "quit"),
        ])
    }

    @Test func helpLinesListEveryActiveBinding() {
        let text = sampleKeymap.helpLines(in: ["list", "global"]).map { $0.map(\.text).joined() }
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
        #expect(md.contains("| `q` `C-c` | Quit termlens |"))
    }

    @Test func conflictsAreFound() {
        #expect(sampleKeymap.conflicts().isEmpty)
        var broken = sampleKeymap
        broken.groups[0].bindings.append(Binding([.character("j")], "other", help: "x"))
        #expect(broken.conflicts().map(\.key) == [.character("j")])
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
