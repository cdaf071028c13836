import Foundation
import Testing
@testable import PolicyModel

/// The on-disk search index is written a megabyte at a time (Scripts/large-data.sh found
/// the whole index held in memory, and copied, while it was saved: 4.3× the corpus at peak
/// for every version of 1.2 GB). An index of several megabytes must read back whole.
@Suite("Index cache")
struct IndexCacheWriteTests {
    @Test func anIndexOfSeveralMegabytesReadsBackTheSame() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        var rng = SeededGenerator(seed: 0xCAC4E)
        let words = ["training", "inputs", "数据", "训练", "opt", "out", "services", "30 days", "\n"]
        var texts: [SearchIndex.ExtraText] = []
        for n in 0..<6 {
            let text = (0..<120_000).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            texts.append(.init(vendor: "acme", document: "synthetic-\(n)", bytes: Array(text.utf8)))
        }
        let index = SearchIndex(catalog: fixture.catalog(), extraTexts: texts)
        let folder = fixture.root + "/cache"
        IndexCache.save(index, key: "test", folder: folder)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: folder + "/index-test.bin")[.size] as? Int)
        #expect(size > 1 << 20)
        let loaded = try #require(IndexCache.load(key: "test", folder: folder))
        #expect(loaded.units.count == index.units.count)
        let query = SearchQuery("训练 opt")
        #expect(loaded.matches(query, limit: 500) == index.matches(query, limit: 500))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["index-test.bin"])
    }

    /// Every new set of inputs writes a new index file: the folder keeps the ones used last.
    @Test func savingKeepsTheNewestIndexFilesAndDropsAbandonedTemporaryFiles() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        let folder = fixture.root + "/cache"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let now = Date()
        func file(_ name: String, hoursAgo: Double) throws {
            let path = folder + "/" + name
            try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-hoursAgo * 3_600)], ofItemAtPath: path)
        }
        for n in 1...12 { try file("index-old\(n).bin", hoursAgo: Double(n)) }
        for n in 1...40 { try file("last-\(n)", hoursAgo: Double(n)) }
        try file("index-x.bin.123.tmp", hoursAgo: 2)
        try file("index-y.bin.456.tmp", hoursAgo: 0.1)
        try file("notes.txt", hoursAgo: 100)

        IndexCache.save(SearchIndex(catalog: fixture.catalog()), key: "new", folder: folder)

        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder))
        let indexes = left.filter { $0.hasPrefix("index-") && $0.hasSuffix(".bin") }
        #expect(indexes == Set(["index-new.bin"] + (1...7).map { "index-old\($0).bin" }))
        #expect(left.filter { $0.hasPrefix("last-") } == Set((1...32).map { "last-\($0)" }))
        #expect(!left.contains("index-x.bin.123.tmp"), "a temporary file left two hours ago")
        #expect(left.contains("index-y.bin.456.tmp"), "a temporary file another run may still be writing")
        #expect(left.contains("notes.txt"), "files termlens did not write stay")
        #expect(IndexCache.load(key: "new", folder: folder) != nil)
    }

    @Test func loadingAnIndexFileRenewsItsDateOnceADay() throws {
        let fixture = try Fixture(MinimalLayer.files)
        defer { fixture.remove() }
        let folder = fixture.root + "/cache"
        IndexCache.save(SearchIndex(catalog: fixture.catalog()), key: "k", folder: folder)
        let path = folder + "/index-k.bin"
        let old = Date().addingTimeInterval(-3 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        #expect(IndexCache.load(key: "k", folder: folder) != nil)
        let renewed = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(renewed.timeIntervalSinceNow > -60)
        let recent = Date().addingTimeInterval(-3_600)
        try FileManager.default.setAttributes([.modificationDate: recent], ofItemAtPath: path)
        #expect(IndexCache.load(key: "k", folder: folder) != nil)
        let kept = try #require(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
        #expect(abs(kept.timeIntervalSince(recent)) < 1, "used within the day: left as it is")
    }
}
