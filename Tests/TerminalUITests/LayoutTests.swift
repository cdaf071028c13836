import Testing
import TerminalUI

@Suite struct LayoutTests {
    @Test func extentsResolveWithinTheTotal() {
        #expect(Extent.resolve([.fixed(10), .fill(1), .fill(1)], total: 31) == [10, 10, 11])
        #expect(Extent.resolve([.percent(40), .fixed(1), .fill(1)], total: 80) == [32, 1, 47])
        #expect(Extent.resolve([.fixed(50), .fixed(50)], total: 60) == [50, 10])
        #expect(Extent.resolve([.fill(1), .fill(2)], total: 0) == [0, 0])
    }

    @Test func rectSplitsTile() {
        let r = Rect(x: 2, y: 1, width: 20, height: 10)
        let cols = r.columns([.fixed(5), .fill(1)])
        #expect(cols == [Rect(x: 2, y: 1, width: 5, height: 10), Rect(x: 7, y: 1, width: 15, height: 10)])
        let (top, rest) = r.splitTop(3)
        #expect(top.height == 3 && rest.y == 4 && rest.height == 7)
        let (body, bar) = r.splitBottom(1)
        #expect(body.maxY == bar.y && bar.height == 1)
        #expect(r.centered(width: 10, height: 4) == Rect(x: 7, y: 4, width: 10, height: 4))
        #expect(r.inset(by: 1) == Rect(x: 3, y: 2, width: 18, height: 8))
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).inset(by: 2).isEmpty)
        #expect(r.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 1, width: 3, height: 4))
    }
}
