// Text wrapped to a cell width, remembering where each display line comes
// from in the source so highlights and jumps can use source offsets.

/// One display line of a `WrappedText`. Offsets count Unicode scalars of
/// the source string.
public struct WrappedLine: Sendable, Equatable {
    /// Every source scalar this line accounts for: its visible content, the
    /// spaces trimmed at a soft break and the line terminator, if any. The
    /// ranges of consecutive lines are contiguous and cover the whole text.
    public var range: Range<Int>
    /// End of the part that is drawn (trailing spaces and terminator excluded).
    public var visibleEnd: Int
    /// Cells the drawn part takes.
    public var width: Int
    /// True when the line ends with a line terminator in the source.
    public var endsParagraph: Bool
    /// Blank cells before the first glyph: the hanging indent of a list item's wrapped lines
    /// (counted in `width`).
    public var indent = 0

    /// Source offsets of the drawn part.
    public var visibleRange: Range<Int> { range.lowerBound..<visibleEnd }

    // String indices of the same positions, so a line is read without
    // walking the text from its start.
    let startIndex: String.Index
    let visibleEndIndex: String.Index

    public static func == (a: WrappedLine, b: WrappedLine) -> Bool {
        a.range == b.range && a.visibleEnd == b.visibleEnd && a.width == b.width && a.endsParagraph == b.endsParagraph && a.indent == b.indent
    }
}

/// One grapheme of a display line, placed at its cell column.
public struct PlacedGlyph: Sendable, Equatable {
    /// The source grapheme.
    public var character: Character
    /// Set when the grapheme must be drawn as something else: its visible
    /// replacement, or spaces for a tab.
    public var replacement: String?
    public var column: Int
    public var width: Int
    /// Source offset (Unicode scalars) of the grapheme and its scalar count.
    public var sourceOffset: Int
    public var scalarCount: Int

    /// What to draw.
    public var text: String { replacement ?? String(character) }
}

/// A column range on one display line.
public struct LineSpan: Sendable, Equatable {
    public var line: Int
    public var columns: Range<Int>
    public init(line: Int, columns: Range<Int>) {
        self.line = line
        self.columns = columns
    }
}

public struct WrappedText: Sendable {
    public let source: String
    public let width: Int
    public let policy: WidthPolicy
    public let lines: [WrappedLine]
    /// Unicode scalars in `source`.
    public let scalarCount: Int

    /// Wraps `source` to `width` cells (at least 1). Hard line breaks end
    /// lines; soft breaks follow `LineBreakRules`; a grapheme is never split;
    /// a run with no break opportunity is cut where it stops fitting.
    /// `hangingLists`: a paragraph that starts with a bullet (`• `, after any indentation)
    /// continues under the bullet's text.
    public init(_ source: String, width: Int, policy: WidthPolicy = .standard, hangingLists: Bool = false) {
        self.source = source
        self.width = max(1, width)
        self.policy = policy
        var builder = WrapBuilder(source: source, width: self.width, policy: policy, hangingLists: hangingLists)
        builder.run()
        self.lines = builder.lines
        self.scalarCount = builder.scalarOffset
    }

    /// The graphemes of display line `index` with their columns.
    public func glyphs(inLine index: Int) -> [PlacedGlyph] {
        guard lines.indices.contains(index) else { return [] }
        let line = lines[index]
        var out: [PlacedGlyph] = []
        var column = line.indent
        var offset = line.range.lowerBound
        var i = line.startIndex
        while i < line.visibleEndIndex {
            let character = source[i]
            let count = character.unicodeScalars.count
            let info = character.glyphInfo(policy)
            var w = info.width
            var replacement: String?
            if info.isTab {
                w = policy.tabAdvance(at: column)
                replacement = String(repeating: " ", count: w)
            } else if !info.isSafe {
                replacement = Sanitizer.visibleForm(of: character)
            }
            out.append(PlacedGlyph(character: character, replacement: replacement, column: column, width: w,
                                   sourceOffset: offset, scalarCount: count))
            column += w
            offset += count
            i = source.index(after: i)
        }
        return out
    }

    /// Display line `index` as safe text to draw.
    public func text(ofLine index: Int) -> String {
        glyphs(inLine: index).reduce(into: String(repeating: " ", count: lines.indices.contains(index) ? lines[index].indent : 0)) { $0 += $1.text }
    }

    /// The display line holding source offset `offset` (clamped to the text).
    public func line(containing offset: Int) -> Int {
        var low = 0
        var high = lines.count  // lines[low].range.lowerBound <= offset < lines[high]...
        while high - low > 1 {
            let mid = (low + high) / 2
            if lines[mid].range.lowerBound <= offset { low = mid } else { high = mid }
        }
        return low
    }

    /// Display line and cell column of source offset `offset`. An offset
    /// inside a grapheme maps to the grapheme's column; one past the drawn
    /// part maps to the line's width.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let index = line(containing: offset)
        for glyph in glyphs(inLine: index) where glyph.sourceOffset + glyph.scalarCount > offset {
            return (index, glyph.column)
        }
        return (index, lines.isEmpty ? 0 : lines[index].width)
    }

    /// Source offset of the grapheme drawn at `column` of display line `line`
    /// (the right half of a wide glyph gives the glyph); past the drawn part,
    /// the end of the drawn part.
    public func offset(line: Int, column: Int) -> Int {
        guard lines.indices.contains(line) else { return line < 0 ? 0 : scalarCount }
        for glyph in glyphs(inLine: line) where glyph.column + glyph.width > column {
            return glyph.sourceOffset
        }
        return lines[line].visibleEnd
    }

    /// The cells that show source range `range`, one span per display line
    /// it touches (lines where it covers nothing visible are left out).
    public func spans(of range: Range<Int>) -> [LineSpan] {
        guard !lines.isEmpty, !range.isEmpty else { return [] }
        var out: [LineSpan] = []
        var index = line(containing: range.lowerBound)
        while index < lines.count, lines[index].range.lowerBound < range.upperBound {
            var first: Int?
            var last = 0
            for glyph in glyphs(inLine: index)
            where glyph.sourceOffset < range.upperBound && glyph.sourceOffset + glyph.scalarCount > range.lowerBound {
                if first == nil { first = glyph.column }
                last = glyph.column + glyph.width
            }
            if let first, last > first { out.append(LineSpan(line: index, columns: first..<last)) }
            index += 1
        }
        return out
    }
}
