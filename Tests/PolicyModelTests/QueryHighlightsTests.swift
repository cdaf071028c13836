import Testing
@testable import PolicyModel

/// What the reader highlights for a search: every unit of the query wherever it occurs.
@Suite struct QueryHighlightsTests {
    func marked(_ query: String, in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var finder = QueryHighlights(words: SearchQuery(query).words)
        return finder.ranges(in: scalars).map { String(String.UnicodeScalarView(scalars[$0])) }
    }

    static let text = "You can opt out at any time.\nOpt-out of training: see Outputs.\nOptimization runs on our servers."

    @Test func everyWordIsMarkedOnEveryLineWholeWordsOnly() {
        // A trailing space: both words whole. Lines holding one word have it marked too.
        #expect(marked("opt out ", in: Self.text) == ["opt", "out", "Opt", "out"])
        #expect(marked("training ", in: Self.text) == ["training"])
    }

    @Test func theLastWordAsTypedAlsoMarksWordsItStarts() {
        #expect(marked("opt out", in: Self.text) == ["opt", "out", "Opt", "out", "Outputs"])
    }

    @Test func aQuotedPhraseIsMarkedOnlyWhole() {
        #expect(marked("\"opt out\"", in: Self.text) == ["opt out", "Opt-out"])
    }

    @Test func aChineseRunIsMarkedWhereItOccursWhole() {
        // 训练 twice; not 训 of 训话 nor 练 of 练习.
        #expect(marked("训练", in: "模型训练和训练数据。\n训话与练习") == ["训练", "训练"])
    }

    @Test func offsetsCountFromTheStartOfTheText() {
        let text = "第一行\nWe keep Inputs."
        var finder = QueryHighlights(words: SearchQuery("inputs ").words)
        #expect(finder.ranges(in: Array(text.unicodeScalars)) == [12..<18])
        #expect(marked("", in: text).isEmpty)
    }

    @Test func aHitOfWholeWordsMarksNoWordItMerelyStarts() throws {
        // `out` is still being typed, but the line holds it whole: `outputs` is not a match.
        let line = Array("You can opt out of outputs.".unicodeScalars)
        let found = try #require(SearchEngine.match(SearchQuery("opt out").words, in: line[...]))
        #expect(found.tier == .phrase)
        #expect(found.highlights.map { String(String.UnicodeScalarView(line[$0])) } == ["opt", "out"])
        let loose = try #require(SearchEngine.match(SearchQuery("opt outp").words, in: line[...]))
        #expect(loose.tier == .prefixWindow)
        #expect(loose.highlights.map { String(String.UnicodeScalarView(line[$0])) } == ["opt", "outputs"])
    }
}
