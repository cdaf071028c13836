// Greedy line filling by cell width over UAX #14 break opportunities, one
// paragraph (text between hard line breaks) at a time.

struct WrapBuilder {
    let source: String
    let width: Int
    let policy: WidthPolicy
    let hangingLists: Bool
    private(set) var lines: [WrappedLine] = []
    private(set) var scalarOffset = 0

    // The current paragraph, one entry per grapheme; `offsets` and `indices`
    // get one more entry, the paragraph's end, before layout.
    private var units: [BreakUnit] = []
    private var widths: [Int] = []
    private var offsets: [Int] = []
    private var indices: [String.Index] = []
    /// Stands in `widths` for a tab, whose width depends on its column.
    private let tabMarker = -1

    init(source: String, width: Int, policy: WidthPolicy, hangingLists: Bool = false) {
        self.source = source
        self.width = width
        self.policy = policy
        self.hangingLists = hangingLists
    }

    mutating func run() {
        var i = source.startIndex
        while i < source.endIndex {
            let character = source[i]
            let count = character.unicodeScalars.count
            let info = character.glyphInfo(policy)
            if info.isLineTerminator {
                layoutParagraph(endIndex: i, terminatorEnd: scalarOffset + count, hard: true)
            } else {
                units.append(BreakUnit(cls: LineBreakRules.resolvedClass(of: info, scalarCount: count), eastAsian: info.isEastAsian))
                widths.append(info.isTab ? tabMarker : info.width)
                offsets.append(scalarOffset)
                indices.append(i)
            }
            scalarOffset += count
            i = source.index(after: i)
        }
        if !units.isEmpty || lines.isEmpty {
            layoutParagraph(endIndex: source.endIndex, terminatorEnd: scalarOffset, hard: false)
        }
    }

    private mutating func layoutParagraph(endIndex: String.Index, terminatorEnd: Int, hard: Bool) {
        let end = scalarOffset
        offsets.append(end)
        indices.append(endIndex)
        defer {
            units.removeAll(keepingCapacity: true)
            widths.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            indices.removeAll(keepingCapacity: true)
        }
        guard !units.isEmpty else {
            lines.append(WrappedLine(range: end..<terminatorEnd, visibleEnd: end, width: 0, endsParagraph: hard,
                                     startIndex: endIndex, visibleEndIndex: endIndex))
            return
        }
        let breaks = LineBreakRules.opportunities(units)
        let hanging = hangingIndent()
        var start = 0
        while start < units.count {
            let indent = start == 0 ? 0 : hanging
            let stop = lineEnd(from: start, indent: indent, breaks: breaks)
            emitLine(start..<stop, indent: indent, terminatorEnd: terminatorEnd, hard: hard)
            start = stop
        }
    }

    /// With `hangingLists`, the cells before the text of a paragraph that starts with `• `
    /// (after spaces), when that leaves at least half the width; else 0.
    private func hangingIndent() -> Int {
        guard hangingLists else { return 0 }
        var i = 0
        var cells = 0
        while i < units.count && source[indices[i]] == " " {
            cells += widths[i]
            i += 1
        }
        guard i + 1 < units.count, source[indices[i]] == "•", source[indices[i + 1]] == " " else { return 0 }
        cells += max(0, widths[i]) + widths[i + 1]
        return cells * 2 <= width ? cells : 0
    }

    /// Cells unit `i` takes when it starts at `column`.
    private func advance(_ i: Int, at column: Int) -> Int {
        widths[i] == tabMarker ? policy.tabAdvance(at: column) : widths[i]
    }

    /// Where the line starting at unit `start` ends: the last break
    /// opportunity that fits, or an emergency cut. Spaces hang past the edge
    /// (they are trimmed from the drawn part), so they never force a break.
    private func lineEnd(from start: Int, indent: Int, breaks: [Bool]) -> Int {
        var column = indent
        var lastBreak = start
        var i = start
        while i < units.count {
            if i > start && breaks[i] { lastBreak = i }
            let w = advance(i, at: column)
            if units[i].cls != .SP && column + w > width && i > start {
                return lastBreak > start ? lastBreak : emergencyBreak(from: start, overflowAt: i)
            }
            column += w
            i += 1
        }
        return units.count
    }

    /// No break opportunity fits: cut before the overflowing grapheme, moved
    /// back by up to two graphemes so the next line does not start with a
    /// non-starter such as 、 and this one does not end with an opener such as （.
    private func emergencyBreak(from start: Int, overflowAt i: Int) -> Int {
        var cut = i
        var steps = 0
        while steps < 2, cut - 1 > start,
              LineBreakRules.isNonStarter(units[cut].cls) || units[cut - 1].cls == .OP {
            cut -= 1
            steps += 1
        }
        return cut
    }

    private mutating func emitLine(_ span: Range<Int>, indent: Int, terminatorEnd: Int, hard: Bool) {
        var visible = span.upperBound
        while visible > span.lowerBound && units[visible - 1].cls == .SP { visible -= 1 }
        var column = indent
        for i in span.lowerBound..<visible { column += advance(i, at: column) }
        let isLast = span.upperBound == units.count
        lines.append(WrappedLine(
            range: offsets[span.lowerBound]..<(isLast ? terminatorEnd : offsets[span.upperBound]),
            visibleEnd: offsets[visible],
            width: column,
            endsParagraph: isLast && hard,
            indent: indent,
            startIndex: indices[span.lowerBound],
            visibleEndIndex: indices[visible]))
    }
}
