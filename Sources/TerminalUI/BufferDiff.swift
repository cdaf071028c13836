/// The cells of one row that differ between two frames, as column runs.
public struct RowChange: Hashable, Sendable {
    public var row: Int
    public var runs: [Range<Int>]
    public init(row: Int, runs: [Range<Int>]) {
        self.row = row
        self.runs = runs
    }
}

extension CellBuffer {
    /// What to redraw to turn `previous` into this buffer. With no previous
    /// frame, or one of another size, every row is one full run. Runs never
    /// start on a continuation cell nor end between a wide glyph and its
    /// continuation, so a presenter can draw whole glyphs.
    public func changes(since previous: CellBuffer?) -> [RowChange] {
        guard let previous, previous.width == width, previous.height == height else {
            return width == 0 ? [] : (0..<height).map { RowChange(row: $0, runs: [0..<width]) }
        }
        var out: [RowChange] = []
        for y in 0..<height {
            var runs: [Range<Int>] = []
            var x = 0
            while x < width {
                guard self[x, y] != previous[x, y] else { x += 1; continue }
                var start = x
                while x < width && self[x, y] != previous[x, y] { x += 1 }
                if self[start, y].isContinuation || previous[start, y].isContinuation { start = max(0, start - 1) }
                if x < width && (self[x, y].isContinuation || previous[x, y].isContinuation) { x += 1 }
                if let last = runs.last, last.upperBound >= start {
                    runs[runs.count - 1] = last.lowerBound..<x
                } else {
                    runs.append(start..<x)
                }
            }
            if !runs.isEmpty { out.append(RowChange(row: y, runs: runs)) }
        }
        return out
    }
}
