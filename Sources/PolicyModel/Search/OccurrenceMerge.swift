/// The occurrences of a set of lines in ascending order: a k-way merge of their lists in
/// `lineOccs` (each ascending), on a binary heap keyed by each list's next occurrence.
struct OccurrenceMerge {
    let tables: IndexTables
    /// (next occurrence, position in `lineOccs`, end of that list), smallest first.
    private var heap: [(occ: UInt32, at: Int, end: Int)] = []

    init(tables: IndexTables, lines: [UInt32]) {
        self.tables = tables
        heap.reserveCapacity(lines.count)
        for l in lines {
            let row = tables.row(tables.lineOccStart, Int(l))
            if !row.isEmpty { heap.append((tables.lineOccs[row.lowerBound], row.lowerBound, row.upperBound)) }
        }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
    }

    mutating func next() -> Int? {
        guard let top = heap.first else { return nil }
        if top.at + 1 < top.end {
            heap[0] = (tables.lineOccs[top.at + 1], top.at + 1, top.end)
        } else {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        if !heap.isEmpty { siftDown(0) }
        return Int(top.occ)
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < heap.count && heap[left].occ < heap[smallest].occ { smallest = left }
            if right < heap.count && heap[right].occ < heap[smallest].occ { smallest = right }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
