import Foundation
import Testing
@testable import PolicyModel

@Suite("Search")
struct SearchTests {
    static let chinese = "第四条 数据\n\n4.3 我们可能会将输入用于模型服务优化以及**训练**。\n\n（1）ＡＰＩ 用户的数据不用于训练。\n"

    /// A layer with one English and one Chinese document carried in the layer.
    static func catalog(extra: [String: String] = [:]) throws -> (Catalog, Fixture) {
        var files = MinimalLayer.files
        files["vendors/acme/documents/zh/document.yaml"] = "title: 用户协议\ntype: Terms of Service\nlanguage: zh\n"
        files["vendors/acme/documents/zh/2026-02-01.md"] = chinese
        for (k, v) in extra { files[k] = v }
        let f = try Fixture(files)
        return (f.catalog(), f)
    }

    func hits(_ q: String, scope: SearchQuery.Scope = .all, in catalog: Catalog) -> [SearchHit] {
        var query = SearchQuery(q)
        query.scope = scope
        let index = SearchIndex(catalog: catalog)
        var describer = HitDescriber(index: index)
        return index.matches(query).map { describer.describe($0) }
    }

    /// The raw text a hit's offsets cover in a layer document.
    func covered(_ hit: SearchHit, in text: String) throws -> String {
        let raw = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(raw[try #require(hit.start)..<(try #require(hit.end))]))
    }

    @Test func caseWidthAndNFKCAreFolded() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let a = hits("api", scope: .documents, in: c)
        let b = hits("ＡＰＩ", scope: .documents, in: c)
        let d = hits("API", scope: .documents, in: c)
        #expect(!a.isEmpty)
        #expect(a == b && b == d)
        #expect(hits("IMPROVE", in: c).map(\.start) == hits("improve", in: c).map(\.start))
    }

    @Test func chineseSubstringsNeedNoSegmentation() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let h = hits("模型服务优化", scope: .documents, in: c)
        #expect(h.count == 1)
        #expect(h.first?.section == "4.3")
        // Markup inside the text does not break a match, and offsets point at the raw text.
        let t = hits("优化以及训练", scope: .documents, in: c)
        #expect(try covered(try #require(t.first), in: Self.chinese) == "优化以及**训练")
        // Any substring, even across what would be word boundaries.
        #expect(hits("服务优", scope: .documents, in: c).count == 1)
    }

    @Test func everyWordMustOccurAndQuotesAskForThePhrase() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        #expect(!hits("Inputs opt", scope: .documents, in: c).isEmpty)
        #expect(hits("Inputs zebra", scope: .documents, in: c).isEmpty)
        #expect(!hits("\"opt out by turning\"", scope: .documents, in: c).isEmpty)
        #expect(hits("\"out opt\"", scope: .documents, in: c).isEmpty)
        // A closed phrase is whole words: `turn` is not `turning`.
        #expect(hits("\"opt out by turn\"", scope: .documents, in: c).isEmpty)
        #expect(!hits("\"opt out by turn", scope: .documents, in: c).isEmpty, "an open quote is still being typed")
    }

    @Test func wordsMatchWordsNotPieces() throws {
        let text = "Outputs are used for optimizing our products.\n\nYou can opt out at any time.\n\nThe option is in settings.\n"
        let (c, f) = try Self.catalog(extra: ["vendors/acme/documents/terms/2026-01-01.md": text])
        defer { f.remove() }
        // `opt` inside `optimizing` and `out` inside `Outputs` are not the words.
        let optOut = hits("opt out", scope: .documents, in: c)
        #expect(optOut.map(\.snippet) == ["You can opt out at any time."])
        // The last word may be the start of a word (as it is typed), ranked after whole words.
        let opt = hits("opt", scope: .documents, in: c)
        #expect(opt.map(\.score) == [6, 3, 3])
        #expect(opt.first?.snippet == "You can opt out at any time.")
        #expect(Set(opt.dropFirst().map(\.snippet)) == ["Outputs are used for optimizing our products.", "The option is in settings."])
        // Not when the query ends with a space: the word is complete.
        #expect(hits("opt ", scope: .documents, in: c).count == 1)
        // Nor inside a word.
        #expect(hits("ption", scope: .documents, in: c).isEmpty)
    }

    @Test func hyphensSlashesAndSpacesBetweenWordsAreAlike() throws {
        let text = "A: opt out.\n\nB: opt-out.\n\nC: opt\u{2011}out.\n\nD: opt/out.\n\nE: opt, out.\n"
        let (c, f) = try Self.catalog(extra: ["vendors/acme/documents/terms/2026-01-01.md": text])
        defer { f.remove() }
        let expected = ["A: opt out.", "B: opt-out.", "C: opt\u{2011}out.", "D: opt/out.", "E: opt, out."]
        for q in ["opt out", "opt-out", "opt\u{2011}out", "opt/out", "\"opt out\""] {
            let found = hits(q, scope: .documents, in: c)
            let phrases = found.filter { $0.score == MatchTier.phrase.score }.map(\.snippet)
            #expect(phrases == Array(expected.prefix(4)), "\(q): \(phrases)")
        }
        // A comma ends the phrase: E is only "both words in the line" (and not there at all for the quoted phrase).
        #expect(hits("opt out", scope: .documents, in: c).last?.snippet == "E: opt, out.")
        #expect(hits("opt out", scope: .documents, in: c).last?.score == MatchTier.window.score)
        #expect(hits("\"opt out\"", scope: .documents, in: c).count == 4)
    }

    @Test func curlyAndStraightApostrophesAreAlike() throws {
        let text = "We don’t sell it.\n\nWe don't share it.\n"
        let (c, f) = try Self.catalog(extra: ["vendors/acme/documents/terms/2026-01-01.md": text])
        defer { f.remove() }
        #expect(hits("don't", scope: .documents, in: c).count == 2)
        #expect(hits("don’t", scope: .documents, in: c).count == 2)
        #expect(hits("“don't sell”", scope: .documents, in: c).map(\.snippet) == ["We don’t sell it."])
    }

    @Test func scopesAndFilters() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let all = hits("improve", in: c)
        #expect(all.first?.kind == .quote, "quotes rank before document text")
        #expect(hits("improve", scope: .quotes, in: c).allSatisfy { $0.kinds == [.quote] })
        #expect(hits("improve", scope: .documents, in: c).allSatisfy { $0.kinds == [.document] })
        let index = SearchIndex(catalog: c)
        var q = SearchQuery("improve")
        q.vendor = .init("nobody")
        #expect(index.matches(q).isEmpty)
        q.vendor = .init("acme")
        q.surface = .init("api")
        #expect(index.matches(q).isEmpty, "the only quote is a consumer one")
        // Filters typed in the query.
        #expect(index.matches(SearchQuery("improve v:nob")).isEmpty)
        #expect(!index.matches(SearchQuery("improve v:ac")).isEmpty)
        #expect(index.matches(SearchQuery("数据 lang:en")).isEmpty)
        #expect(index.matches(SearchQuery("数据 lang:zh")).count == 2)
        #expect(index.matches(SearchQuery("数据 d:terms")).isEmpty)
        let quotesOfOneQuestion = index.matches(SearchQuery("improve q:train"))
        #expect(!quotesOfOneQuestion.isEmpty && quotesOfOneQuestion.allSatisfy { index.units[$0.unit].kind == .quote })
        #expect(index.matches(SearchQuery("improve q:retention")).isEmpty)
    }

    @Test func theQueryParserReadsFiltersAndWords() {
        let q = SearchQuery("v:DeepSeek d:privacy-policy q:retention lang:zh @all opt-out “the model”")
        #expect(q.vendor == .init("deepseek", prefix: true))
        #expect(q.document == .init("privacy-policy", prefix: true))
        #expect(q.question == .init("retention", prefix: true))
        #expect(q.language == .init("zh", prefix: true))
        #expect(q.allVersions)
        #expect(q.terms == ["opt", "out", "the", "model"])
        #expect(q.words.map(\.joined) == [false, false, false, true])
        #expect(q.words.map(\.prefix) == [false, false, false, false])
        #expect(SearchQuery("improve the mod").words.map(\.prefix) == [false, false, true])
        #expect(SearchQuery("模型训练").words.map(\.joined) == [false, true, true, true])
        // A filter with no value yet is no filter, and no word.
        #expect(SearchQuery("v: training").vendor == nil && SearchQuery("v: training").terms == ["training"])
    }

    @Test func aQuotedPassageAndItsDocumentLineAreOneHit() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let found = hits("improve the services", in: c)
        let hit = try #require(found.first)
        #expect(hit.kinds == [.quote, .document])
        #expect(hit.kind == .quote && hit.surface == "consumer" && hit.question == "train-on-inputs")
        #expect(hit.section == "4.3")
        #expect(try covered(hit, in: MinimalLayer.text) == "improve the Services")
        // The line is not listed a second time as a document hit.
        #expect(found.filter { $0.section == "4.3" }.count == 1)
        // Searching quotes only, it is a quote and nothing else.
        #expect(hits("improve the services", scope: .quotes, in: c).map(\.kinds) == [[.quote]])
    }

    @Test func everyMatchedWordIsMarkedInTheSnippet() throws {
        let (c, f) = try Self.catalog()
        defer { f.remove() }
        let hit = try #require(hits("inputs improve", scope: .documents, in: c).first)
        let snippet = Array(hit.snippet.unicodeScalars)
        let marked = hit.matches.map { String(String.UnicodeScalarView(snippet[$0])) }
        #expect(marked == ["Inputs", "improve", "Improve"])
        #expect(hit.score == MatchTier.window.score)
    }
}

/// Ranking on real sentences (from `../shared/ota/sample` and the bundled Chinese documents):
/// one query and one line, and the tier the line gets.
@Suite("Search tiers")
struct SearchTierTests {
    struct Case: Sendable, CustomStringConvertible {
        var query: String
        var line: String
        var tier: MatchTier?
        var description: String { "\(query) in \(line)" }
    }

    static let cases: [Case] = [
        Case(query: "opt out", line: "You can opt out of online targeted advertising", tier: .phrase),
        Case(query: "opt out", line: "You may opt-out of Browser-based targeted advertising", tier: .phrase),
        Case(query: "opt-out", line: "If you opt out of only the arbitration provisions, and not also the Class Action waiver", tier: .phrase),
        Case(query: "opt out", line: "Outputs for the purposes of (a) providing, maintaining, and optimizing the Mistral AI Products", tier: nil),
        Case(query: "improve the model", line: "(e.g., specific to a particular domain or use case) helps improve the model.", tier: .phrase),
        Case(query: "improve the model", line: "we train and improve our models for everyone", tier: nil),
        Case(query: "improve model", line: "we train and improve our models for everyone", tier: .prefixWindow),
        Case(query: "improve models", line: "we train and improve our models for everyone", tier: .window),
        Case(query: "train improve", line: "To train and improve our models", tier: .window),
        Case(query: "improve train", line: "To train and improve our models", tier: .clause),
        Case(query: "improve our mod", line: "To train and improve our models", tier: .prefixPhrase),
        Case(query: "\"improve the model\"", line: "we train and improve our models for everyone", tier: nil),
        Case(query: "don't guarantee", line: "We don’t guarantee the content and the", tier: .phrase),
        Case(query: "模型训练", line: "如果您允许我们使用您的数据进行模型训练", tier: .phrase),
        Case(query: "模型 训练", line: "如果您允许我们使用您的数据进行模型训练", tier: .phrase),
        Case(query: "训练 模型", line: "DeepSeek API 会用我的数据训练模型吗?——条款调研", tier: .phrase),
        Case(query: "数据 模型", line: "DeepSeek API 会用我的数据训练模型吗?——条款调研", tier: .window),
        Case(query: "API 训练", line: "nthropic 那样明确承诺「API 数据不用于训练」", tier: .window),
        Case(query: "训练数据", line: "如果您允许我们使用您的数据进行模型训练", tier: nil),
    ]

    @Test(arguments: cases)
    func tierOfALine(_ c: Case) {
        let words = SearchQuery(c.query).words
        let line = Array(c.line.unicodeScalars)
        #expect(SearchEngine.match(words, in: line[...])?.tier == c.tier, "the simple engine")
        #expect(Self.indexTier(words, c.line) == c.tier, "the index's evaluator")
    }

    /// The tier the index's line evaluator gives, through the tokenizer as the index reads lines.
    static func indexTier(_ words: [SearchQuery.Word], _ line: String) -> MatchTier? {
        var tokenizer = Tokenizer()
        var tokens = TokenizedLine()
        tokenizer.tokenize(scalars: Array(line.unicodeScalars), offsets: false, into: &tokens)
        var evaluator = LineEvaluator()
        evaluator.begin(words: words.count)
        for p in 0..<tokens.count {
            for (j, w) in words.enumerated() {
                if tokens.token(p).elementsEqual(w.bytes) { evaluator.record(word: j, token: p, kind: LineEvaluator.whole) }
                else if w.prefix, tokens.token(p).starts(with: w.bytes) { evaluator.record(word: j, token: p, kind: LineEvaluator.prefix) }
            }
        }
        return evaluator.evaluate(QueryPlan(words), count: tokens.count, gaps: tokens.gaps)?.tier
    }

    /// The tokenizer skips folding scalars that property lookups say fold to themselves.
    @Test func theFoldingShortcutAgreesWithTheFullFold() {
        var checked = 0
        for v in UInt32(0x80)...0x2FFFF {
            guard let s = Unicode.Scalar(v), Folding.foldsToItself(s) else { continue }
            #expect(Folding.foldScalar(s) == [s], "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 50_000)
    }

    @Test func tokensAndWhatSeparatesThem() {
        var tokenizer = Tokenizer()
        var t = TokenizedLine()
        func cut(_ s: String) -> [String] {
            tokenizer.tokenize(scalars: Array(s.unicodeScalars), offsets: false, into: &t)
            return (0..<t.count).map { String(decoding: t.token($0), as: UTF8.self) + ["", "~", "|"][Int(t.gaps[$0].rawValue)] }
        }
        #expect(cut("Opt-out") == ["opt|", "out~"])
        #expect(cut("opt\u{2011}out / **Inputs**") == ["opt|", "out~", "inputs~"])
        #expect(cut("don’t 4.3") == ["don|", "t~", "4~", "3|"])
        #expect(cut("ＡＰＩ用户") == ["api|", "用", "户"])
        #expect(cut("[link text](https://example.com/x) ﬁne") == ["link|", "text~", "fine~"])
    }
}

/// The index against the simple engine, on real texts.
@Suite("Search oracle")
struct SearchOracleTests {
    static let queries = ["training", "train", "opt out", "opt-out", "opt o", "训练", "模型 训练", "retention period", "third parties",
                          "Improve the model for everyone", "improve the mod", "\"your data\"", "个人信息", "delete your account",
                          "data v:deepseek", "service lang:zh", "model d:privacy", "terms @all", "API 数据"]

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func theIndexAgreesWithTheSimpleEngineOnRealTexts() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog, allVersions: true)
        let engine = SearchEngine(catalog: catalog)
        for text in Self.queries {
            for scope in [SearchQuery.Scope.documents, .quotes] {
                var q = SearchQuery(text)
                q.scope = scope
                let simple = engine.search(q)
                // Lines rated up front; or those with every word whole up front and the rest on
                // the walk in rank order; or all on the walk (as on a large corpus). All hits, or
                // the first few (where the walk stops early).
                for (upFront, limit) in [(LineRating.upFront, Int.max), (1, Int.max), (0, Int.max), (0, 7), (1, 7), (LineRating.upFront, 7)] {
                    var describer = HitDescriber(index: index)
                    let fast = index.matches(q, limit: limit, upFront: upFront).map { describer.describe($0) }
                    let expected = Array(simple.prefix(limit))
                    #expect(fast.count == expected.count, "\(text) \(scope) \(upFront) \(limit): \(fast.count) vs \(expected.count)")
                    for (a, b) in zip(fast, expected) where a != b {
                        Issue.record("\(text) \(scope) \(upFront) \(limit): \(a) vs \(b)")
                        break
                    }
                }
            }
            // Quotes merged with their lines: the same whichever way lines are rated.
            let all = SearchQuery(text)
            for limit in [Int.max, 7] {
                #expect(index.matches(all, limit: limit, upFront: 0) == index.matches(all, limit: limit, upFront: LineRating.upFront), "\(text)")
            }
        }
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func hitsDescribedSideBySideEqualHitsDescribedInTurn() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog, allVersions: true)
        for text in ["data", "the", "information", "personal data", "的"] {
            let matches = index.matches(SearchQuery(text))
            #expect(matches.count >= 256, "\(text): \(matches.count) matches, too few to be dealt out")
            var describer = HitDescriber(index: index)
            let inTurn = matches.map { describer.describe($0) }
            for lanes in [2, 3, 8] {
                let sideBySide = HitDescriber.describe(matches, index: index, lanes: lanes)
                #expect(sideBySide.count == inTurn.count, "\(text) \(lanes)")
                #expect(sideBySide == inTurn, "\(text) \(lanes)")
            }
        }
    }

    /// Two quotes of one verdict on the same passage: the hit cites the verdict once.
    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func aHitCitesEachVerdictOnce() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog)
        var merged = 0
        for text in ["data", "training", "retention", "opt out"] {
            for hit in HitDescriber.describe(index.matches(SearchQuery(text)), index: index) where hit.kind == .quote {
                #expect(Set(hit.citedBy).count == hit.citedBy.count, "\(text): \(hit.citations)")
                if hit.kinds.contains(.document) { merged += 1 }
            }
        }
        #expect(merged > 0)
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func offsetsHoldInTheRawFiles() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog)
        var q = SearchQuery("training ")
        q.scope = .documents
        let matches = index.matches(q)
        #expect(matches.count > 50)
        var describer = HitDescriber(index: index)
        for m in matches {
            let hit = describer.describe(m)
            guard let doc = catalog.document(vendor: hit.vendor, id: hit.document), let v = doc.version(hit.version),
                  case .success(let text) = catalog.text(of: v), let s = hit.start, let e = hit.end else {
                Issue.record("hit without offsets: \(hit)")
                continue
            }
            #expect(text.text(s, e).lowercased() == "training", "\(hit.documentRef)@\(hit.version?.description ?? "") \(s)")
        }
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample beside the package"))
    func theExactPhraseComesFirstThenRankFallsAsItShould() throws {
        let catalog = BundledDataTests.catalog(withSample: true)
        let index = SearchIndex(catalog: catalog)
        var describer = HitDescriber(index: index)
        let matches = index.matches(SearchQuery("improve the model"))
        let hits = matches.map { describer.describe($0) }
        let first = try #require(hits.first)
        #expect(first.snippet.lowercased().contains("improve the model"))
        #expect(first.score == MatchTier.phrase.score)
        #expect(hits.contains { $0.score < MatchTier.phrase.score }, "looser matches follow")
        // Scores never rise; within a score, quotes first, then analysed documents, newest first.
        for (a, b) in zip(matches, matches.dropFirst()) {
            #expect(a.tier <= b.tier)
            guard a.tier == b.tier else { continue }
            let x = index.units[a.quotes.isEmpty ? a.unit : a.quotes[0]], y = index.units[b.quotes.isEmpty ? b.unit : b.quotes[0]]
            let xi = a.quotes.isEmpty ? Int(x.importance) : 0, yi = b.quotes.isEmpty ? Int(y.importance) : 0
            #expect(xi <= yi)
            if xi == yi && xi > 0 { #expect(!SearchIndex.isNewer(y.date, than: x.date) || a.unit == b.unit) }
        }
    }
}
