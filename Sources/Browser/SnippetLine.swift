import TerminalUI
import TextCells

/// A hit's snippet cut to one line of a given width with its match in view: centred when it
/// fits, else from its start; `…` where the snippet is cut, never half a wide character; every
/// matched word in its own style.
enum SnippetLine {
    /// `snippet` with `match` and `words` as Unicode-scalar offsets into it (as `SearchHit` has them).
    static func spans(_ snippet: String, match: Range<Int>, words: [Range<Int>], width: Int,
                      base: Style, found: Style, policy: WidthPolicy) -> [Span] {
        guard width > 0, !snippet.isEmpty else { return [] }
        // Each character (grapheme) with its scalar range and its cells.
        var characters: [Character] = []
        var scalarStart: [Int] = []
        var cells: [Int] = []
        var at = 0
        for c in snippet {
            characters.append(c)
            scalarStart.append(at)
            cells.append(c.cellWidth(policy))
            at += c.unicodeScalars.count
        }
        scalarStart.append(at)
        var window = fit(cells: cells, matchStart: scalarStart.firstIndex { $0 >= match.lowerBound } ?? characters.count,
                         matchEnd: scalarStart.firstIndex { $0 >= match.upperBound } ?? characters.count,
                         width: width, ellipsis: "…".cellWidth(policy))
        // No space next to a `…`.
        while window.count > 1, window.lowerBound > 0, characters[window.lowerBound].isWhitespace { window = (window.lowerBound + 1)..<window.upperBound }
        while window.count > 1, window.upperBound < characters.count, characters[window.upperBound - 1].isWhitespace { window = window.lowerBound..<(window.upperBound - 1) }
        let marked = words.isEmpty ? [match] : words
        var spans: [Span] = []
        if window.lowerBound > 0 { spans.append(Span("…", base)) }
        var run = ""
        var runFound = false
        for i in window {
            let scalars = scalarStart[i]..<scalarStart[i + 1]
            let isFound = marked.contains { $0.overlaps(scalars) }
            if isFound != runFound && !run.isEmpty {
                spans.append(Span(run, runFound ? found : base))
                run = ""
            }
            runFound = isFound
            run.append(characters[i])
        }
        if !run.isEmpty { spans.append(Span(run, runFound ? found : base)) }
        if window.upperBound < characters.count { spans.append(Span("…", base)) }
        return spans
    }

    /// The characters to show, `matchStart..<matchEnd` among them as far as the width allows:
    /// grown one character at a time on the side with fewer cells so far, counting a `…` of
    /// `ellipsis` cells on each side that is cut.
    static func fit(cells: [Int], matchStart: Int, matchEnd: Int, width: Int, ellipsis: Int) -> Range<Int> {
        let n = cells.count
        let a = max(0, min(matchStart, n))
        let b = max(a, min(matchEnd, n))
        func cost(_ lo: Int, _ hi: Int, _ content: Int) -> Int { content + (lo > 0 ? ellipsis : 0) + (hi < n ? ellipsis : 0) }
        var lo = a, hi = a, used = 0
        // The match first, from its start, as much of it as fits.
        while hi < b && cost(lo, hi + 1, used + cells[hi]) <= width {
            used += cells[hi]
            hi += 1
        }
        guard hi == b else { return lo..<hi }
        var left = 0, right = 0
        while true {
            let growLeft = lo > 0 && cost(lo - 1, hi, used + cells[lo - 1]) <= width
            let growRight = hi < n && cost(lo, hi + 1, used + cells[hi]) <= width
            if growLeft && (left <= right || !growRight) {
                lo -= 1
                used += cells[lo]
                left += cells[lo]
            } else if growRight {
                used += cells[hi]
                right += cells[hi]
                hi += 1
            } else {
                return lo..<hi
            }
        }
    }
}
