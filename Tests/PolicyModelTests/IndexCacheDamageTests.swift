import Foundation
import Testing
@testable import PolicyModel

/// A cache file cut short, with bits flipped, or written to mislead is refused (and the caller
/// builds the index again): never a crash, never wrong offsets read as right ones.
@Suite("Index cache damage")
struct IndexCacheDamageTests {
    static func index() throws -> (SearchIndex, Fixture) {
        var files = MinimalLayer.files
        files["vendors/acme/documents/zh/document.yaml"] = "title: 用户协议\ntype: Terms of Service\nlanguage: zh\n"
        files["vendors/acme/documents/zh/2026-02-01.md"] = SearchTests.chinese
        let fixture = try Fixture(files)
        let extra = SearchIndex.ExtraText(vendor: "acme", document: "notes",
                                          bytes: Array("## 2. Notes\n\nWe may opt out of training.\n\n2.1 训练数据 stays in the EU.\n".utf8))
        return (SearchIndex(catalog: fixture.catalog(), allVersions: true, extraTexts: [extra]), fixture)
    }

    /// Every query's hits, described: what a loaded index is used for.
    static func exercise(_ index: SearchIndex) -> [SearchHit] {
        var describer = HitDescriber(index: index)
        return ["opt out", "训练", "improve the", "a", "2.1", "\"we may\" @all"].flatMap { q in
            index.matches(SearchQuery(q), limit: 50).map { describer.describe($0) }
        }
    }

    @Test func anUndamagedFileReadsBackTheSame() throws {
        let (index, fixture) = try Self.index()
        defer { fixture.remove() }
        let bytes = try #require(IndexCache.bytes(of: index, key: "k"))
        let loaded = try #require(IndexCache.load(bytes: bytes, key: "k"))
        #expect(Self.exercise(loaded) == Self.exercise(index))
        #expect(!Self.exercise(index).isEmpty)
        #expect(IndexCache.load(bytes: bytes, key: "other") == nil, "a file for another key")
    }

    @Test func aFileCutShortIsRefused() throws {
        let (index, fixture) = try Self.index()
        defer { fixture.remove() }
        let bytes = try #require(IndexCache.bytes(of: index, key: "k"))
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(IndexCache.load(bytes: Array(bytes.prefix(length)), key: "k") == nil, "cut at \(length)")
        }
        #expect(IndexCache.load(bytes: Array(bytes.dropLast()), key: "k") == nil)
    }

    @Test func aFlippedBitIsCaught() throws {
        let (index, fixture) = try Self.index()
        defer { fixture.remove() }
        let bytes = try #require(IndexCache.bytes(of: index, key: "k"))
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            var damaged = bytes
            damaged[position] ^= 1 << UInt8(position % 8)
            #expect(IndexCache.load(bytes: damaged, key: "k") == nil, "bit flipped at \(position)")
        }
    }

    /// A file written to mislead, its checksum made to fit: numbers changed at random (sizes,
    /// offsets, ids) must be refused by the checks on lengths, offsets and ids, or, if they pass,
    /// give an index whose every use stays inside its tables.
    @Test func aHostileFileWithAFittingChecksumIsRefusedOrHarmless() throws {
        let (index, fixture) = try Self.index()
        defer { fixture.remove() }
        let bytes = try #require(IndexCache.bytes(of: index, key: "k"))
        var rng = SeededGenerator(seed: 0xCAC4E_BAD)
        let values: [UInt32] = [0, 1, 2, 7, 0xFF, 0xFFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF]
        var refused = 0, loaded = 0
        for _ in 0..<600 {
            var damaged = bytes
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0..<(bytes.count - 4), using: &rng) & ~3
                let v = Bool.random(using: &rng) ? values[Int.random(in: 0..<values.count, using: &rng)] : UInt32.random(in: 0...UInt32.max, using: &rng)
                withUnsafeBytes(of: v.littleEndian) { damaged.replaceSubrange(at..<(at + 4), with: $0) }
            }
            guard let sealed = IndexCache.resealed(damaged), let hostile = IndexCache.load(bytes: sealed, key: "k") else {
                refused += 1
                continue
            }
            loaded += 1
            _ = Self.exercise(hostile)
        }
        #expect(refused > 300, "most damage is refused (\(refused) refused, \(loaded) loaded)")
    }

    @Test func theChecksBehindTheChecksumSeeBrokenTables() throws {
        let (index, fixture) = try Self.index()
        defer { fixture.remove() }
        let good = index.tables
        #expect(good.isConsistent(units: index.units.count))
        var t = good.replacing(postings: Packed(good.postings.array.map { _ in UInt32(good.lineCount) }))
        #expect(!t.isConsistent(units: index.units.count), "a line id past the last line")
        t = good.replacing(tokenStart: Packed(good.tokenStart.array.reversed()))
        #expect(!t.isConsistent(units: index.units.count), "offsets going down")
        t = good.replacing(occRaw: Packed(Array(good.occRaw.array.dropLast())))
        #expect(!t.isConsistent(units: index.units.count), "tables of different lengths")
        #expect(!good.isConsistent(units: index.units.count + 1), "more units than the tables have")
        t = good.replacing(tokens: Packed(good.tokens.array.map { $0 | IndexTables.idMask }))
        #expect(!t.isConsistent(units: index.units.count), "a word id past the vocabulary")
        t = good.replacing(rawTokenStart: Packed(Array(good.rawTokenStart.array.dropLast())))
        #expect(!t.isConsistent(units: index.units.count), "token spans for fewer raw lines than there are")
    }

    /// Token spans are not checked on loading but where they are used: spans past a line's end
    /// are clamped to it, and a line whose spans do not fit its tokens is cut into tokens again.
    @Test func tokenSpansThatDoNotFitTheirLinesGiveNoWrongOffsets() throws {
        let (index, fixture) = try Self.index()
        defer { fixture.remove() }
        func rebuilt(_ t: IndexTables) -> SearchIndex {
            SearchIndex(tables: t, units: index.units, allVersions: index.allVersions, corpusBytes: index.corpusBytes, lineBytes: index.lineBytes)
        }
        let good = Self.exercise(index)
        #expect(good.count > 5)
        let tables = index.tables
        // Every row empty but the last, which holds them all: no line's spans fit its tokens.
        let total = UInt32(tables.rawTokenSpans.count / 2)
        var t = tables.replacing(rawTokenStart: Packed([UInt32](repeating: 0, count: tables.rawTokenStart.count - 1) + [total]))
        #expect(t.isConsistent(units: index.units.count))
        #expect(Self.exercise(rebuilt(t)) == good, "read again from the text, the same hits")
        t = tables.replacing(rawTokenSpans: Packed([UInt32](repeating: .max, count: tables.rawTokenSpans.count)))
        for hit in Self.exercise(rebuilt(t)) {
            let length = hit.snippet.unicodeScalars.count
            #expect(hit.matches.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= length }, "\(hit)")
            #expect(hit.snippetMatch.upperBound <= length)
        }
    }
}

extension IndexTables {
    /// A copy with some tables replaced (the tests damage them one at a time).
    func replacing(postings: Packed<UInt32>? = nil, tokenStart: Packed<UInt32>? = nil, tokens: Packed<UInt32>? = nil,
                   occRaw: Packed<UInt32>? = nil, rawTokenStart: Packed<UInt32>? = nil, rawTokenSpans: Packed<UInt32>? = nil) -> IndexTables {
        IndexTables(wordStart: wordStart, wordBytes: wordBytes, postStart: postStart, postings: postings ?? self.postings,
                    tokenStart: tokenStart ?? self.tokenStart, tokens: tokens ?? self.tokens,
                    lineOccStart: lineOccStart, lineOccs: lineOccs, rawStart: rawStart, rawBytes: rawBytes,
                    rawTokenStart: rawTokenStart ?? self.rawTokenStart, rawTokenSpans: rawTokenSpans ?? self.rawTokenSpans,
                    unitOccStart: unitOccStart, occLine: occLine, occRaw: occRaw ?? self.occRaw, occScalar: occScalar,
                    unitSectionStart: unitSectionStart, sectionScalar: sectionScalar, sectionLabel: sectionLabel,
                    labelStart: labelStart, labelBytes: labelBytes)
    }
}
