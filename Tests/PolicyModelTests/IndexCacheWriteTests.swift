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
}
