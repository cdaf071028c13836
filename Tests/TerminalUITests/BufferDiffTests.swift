import Testing
import TerminalUI

@Suite struct BufferDiffTests {
    @Test func noPreviousFrameRedrawsEverything() {
        let b = CellBuffer(width: 3, height: 2)
        #expect(b.changes(since: nil) == [RowChange(row: 0, runs: [0..<3]), RowChange(row: 1, runs: [0..<3])])
        #expect(b.changes(since: CellBuffer(width: 4, height: 2)).count == 2)
    }

    @Test func identicalFramesHaveNoChanges() {
        var a = CellBuffer(width: 10, height: 3)
        a.write("中文 text", x: 0, y: 1)
        #expect(a.changes(since: a).isEmpty)
    }

    @Test func changedCellsFormRuns() {
        let old = CellBuffer(width: 10, height: 2)
        var new = old
        new.write("ab", x: 1, y: 1)
        new.put("z", x: 7, y: 1)
        #expect(new.changes(since: old) == [RowChange(row: 1, runs: [1..<3, 7..<8])])
    }

    @Test func runsCoverWholeWideGlyphs() {
        var old = CellBuffer(width: 8, height: 1)
        old.write("中文字", x: 0, y: 0)
        var new = old
        new.put("x", x: 3, y: 0)   // right half of 文: 文 becomes blank + x
        let runs = new.changes(since: old).first?.runs ?? []
        #expect(runs == [2..<4])
        var styled = old
        styled.restyle(row: 0, columns: 1..<2) { $0 = $0.with(role: .highlight) }  // only the continuation
        #expect(styled.changes(since: old).first?.runs == [0..<2])
    }

    @Test func adjacentRunsMerge() {
        let old = CellBuffer(width: 8, height: 1)
        var new = old
        new.write("a中", x: 0, y: 0)
        #expect(new.changes(since: old) == [RowChange(row: 0, runs: [0..<3])])
    }
}
