/// Edit distances on Unicode scalars.
enum EditDistance {
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The best match of `pattern` anywhere inside `text` (Sellers' algorithm):
    /// the smallest edit distance and the end index (exclusive) where it ends.
    static func bestSubstringMatch(_ pattern: ArraySlice<Unicode.Scalar>, in text: ArraySlice<Unicode.Scalar>) -> (distance: Int, end: Int)? {
        let m = pattern.count
        guard m > 0, !text.isEmpty else { return nil }
        let p = Array(pattern)
        var column = Array(0...m)
        var best = (distance: m, end: text.startIndex)
        var index = text.startIndex
        for ch in text {
            var diagonal = column[0]
            column[0] = 0
            for i in 1...m {
                let above = column[i]
                let cost = p[i - 1] == ch ? 0 : 1
                column[i] = min(above + 1, column[i - 1] + 1, diagonal + cost)
                diagonal = above
            }
            index += 1
            if column[m] < best.distance { best = (column[m], index) }
        }
        return best
    }

    /// Where the closest match of `pattern` that ends where `text` ends starts: the edit
    /// distance of the pattern against ever longer tails of `text`, read backwards; of the tails
    /// as close as the closest, the shortest (so no text before the match is taken into it).
    static func bestMatchStart(_ pattern: ArraySlice<Unicode.Scalar>, endingWith text: ArraySlice<Unicode.Scalar>) -> Int {
        let p = Array(pattern.reversed())
        let m = p.count
        guard m > 0, !text.isEmpty else { return text.endIndex }
        var column = Array(0...m)
        var best = (distance: m, start: text.endIndex)
        var length = 0
        for ch in text.reversed() {
            length += 1
            var diagonal = column[0]
            column[0] = length
            for i in 1...m {
                let above = column[i]
                let cost = p[i - 1] == ch ? 0 : 1
                column[i] = min(above + 1, column[i - 1] + 1, diagonal + cost)
                diagonal = above
            }
            if column[m] < best.distance { best = (column[m], text.endIndex - length) }
        }
        return best.start
    }
}
