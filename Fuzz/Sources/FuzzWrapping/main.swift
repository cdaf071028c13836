// Line breaking and width measurement on arbitrary Unicode: WrappedText at
// several widths must never draw a line wider than the width (unless the line
// is one glyph too wide to fit anywhere), must account for every source scalar
// once and in order, and must never draw an unsafe scalar.
import FuzzSupport
import TextCells

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size)
    let (selector, rest) = input.head
    let text = rest.text
    let policy = selector & 0x80 == 0 ? WidthPolicy.standard : WidthPolicy(ambiguousIsWide: true, tabWidth: Int(selector & 7) + 1)
    let scalars = Array(text.unicodeScalars)
    for width in [1, Int(selector & 0x3F) + 2, 80] {
        let wrapped = WrappedText(text, width: width, policy: policy)
        checkLines(wrapped, scalars: scalars, width: width)
        let truncated = text.truncated(toWidth: width, policy: policy)
        require(truncated.cellWidth(policy) <= width, "truncated to \(width): \(truncated.debugDescription)")
    }
    let line = Sanitizer.sanitize(text, policy: policy)
    require(!line.unicodeScalars.contains(where: Sanitizer.isUnsafe), "sanitized: \(line.debugDescription)")
    return 0
}

func checkLines(_ wrapped: WrappedText, scalars: [Unicode.Scalar], width: Int) {
    require(!wrapped.lines.isEmpty, "no lines")
    require(wrapped.scalarCount == scalars.count, "scalar count \(wrapped.scalarCount) != \(scalars.count)")
    var next = 0
    for (index, line) in wrapped.lines.enumerated() {
        require(line.range.lowerBound == next, "line \(index) starts at \(line.range.lowerBound), expected \(next)")
        require(line.visibleEnd >= line.range.lowerBound && line.visibleEnd <= line.range.upperBound, "visible end outside line \(index)")
        next = line.range.upperBound
        let glyphs = wrapped.glyphs(inLine: index)
        let drawn = glyphs.reduce(0) { $0 + $1.width }
        require(drawn == line.width, "line \(index) width \(line.width) but glyphs take \(drawn)")
        require(glyphs.count <= 1 || line.width <= width, "line \(index) is \(line.width) cells at width \(width)")
        var offset = line.range.lowerBound
        var column = 0
        for glyph in glyphs {
            require(glyph.sourceOffset == offset && glyph.column == column, "glyph out of order on line \(index)")
            offset += glyph.scalarCount
            column += glyph.width
        }
        require(offset == line.visibleEnd, "glyphs of line \(index) end at \(offset), visible end \(line.visibleEnd)")
        // What is not drawn is only the spaces hanging at a soft break and the line terminator.
        let hidden = String(String.UnicodeScalarView(scalars[line.visibleEnd..<line.range.upperBound]))
        require(hidden.allSatisfy { $0 == " " || $0 == "\t" || Sanitizer.isLineTerminator($0) }, "line \(index) hides \(hidden.debugDescription)")
        let shown = wrapped.text(ofLine: index)
        require(!shown.unicodeScalars.contains(where: Sanitizer.isUnsafe), "unsafe scalar drawn on line \(index)")
        // Offsets map back to the line that holds them.
        require(wrapped.line(containing: line.range.lowerBound) == index || line.range.isEmpty, "line(containing:) for line \(index)")
    }
    require(next == scalars.count, "lines cover \(next) of \(scalars.count) scalars")
    // The offset and column mappings, on one line (all of them would slow the run down).
    let index = wrapped.lines.count / 2
    let middle = wrapped.lines[index].range.lowerBound + wrapped.lines[index].range.count / 2
    let (line, column) = wrapped.location(of: middle)
    require(line == index && column <= max(width, wrapped.lines[index].width), "location of \(middle): \(line):\(column)")
    _ = wrapped.offset(line: index, column: width / 2)
    _ = wrapped.spans(of: middle..<(middle + 5))
}

runFuzzer(fuzzOne)
