/// Every place a query's words occur in a text, for drawing them highlighted: each unit of the
/// query (a word, a quoted phrase, a run of CJK characters) wherever it is, whether or not its
/// line holds the other units. Reads the text line by line, as the index does.
public struct QueryHighlights {
    public let words: [SearchQuery.Word]
    private let plan: QueryPlan
    private var tokenizer = Tokenizer()
    private var evaluator = LineEvaluator()
    private var line = TokenizedLine()

    public init(words: [SearchQuery.Word]) {
        self.words = words
        plan = QueryPlan(words)
    }

    /// Raw scalar ranges of every occurrence in `scalars`, in order.
    public mutating func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard !words.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var start = 0
        while start < scalars.count {
            let end = scalars[start...].firstIndex(of: "\n") ?? scalars.count
            if end > start { highlight(scalars[start..<end], into: &out) }
            start = end + 1
        }
        return out
    }

    private mutating func highlight(_ text: ArraySlice<Unicode.Scalar>, into out: inout [Range<Int>]) {
        tokenizer.tokenize(scalars: text, offsets: true, into: &line)
        evaluator.record(line, words: words)
        for tokens in evaluator.anyOccurrences(plan, gaps: line.gaps) {
            let lo = text.startIndex + Int(line.rawStarts[tokens.lowerBound])
            let hi = text.startIndex + Int(line.rawEnds[tokens.upperBound])
            out.append(lo..<max(lo, hi))
        }
    }
}
