import TextCells

/// Columns aligned by display width (CJK counts two cells), for plain-text output.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns that may be cut to fit the maximum width (the last by default).
    var maxWidth: Int = 200

    init(header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> [String] {
        let all = [header] + rows
        let count = header.count
        var widths = [Int](repeating: 0, count: count)
        for row in all {
            for (i, cell) in row.enumerated() where i < count {
                widths[i] = max(widths[i], Sanitizer.sanitize(cell).cellWidth())
            }
        }
        // Cut the last column to fit.
        let fixed = widths.dropLast().reduce(0, +) + 2 * (count - 1)
        if let last = widths.indices.last, fixed + widths[last] > maxWidth {
            widths[last] = max(10, maxWidth - fixed)
        }
        return all.map { row in
            var parts: [String] = []
            for i in 0..<count {
                let cell = i < row.count ? row[i] : ""
                parts.append(i == count - 1 ? cell.truncated(toWidth: widths[i]) : cell.padded(toWidth: widths[i]))
            }
            var line = parts.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
