import Foundation
import Testing

/// `termlens bench` reports the figures README's Performance section quotes, and its synthetic
/// archive is as redundant as a real one (no more, no less). Speed itself is never asserted.
@Suite("bench, run as a process")
struct BenchCommandTests {
    @Test func theJSONHasEveryFigureAndTheSyntheticArchiveIsAsRedundantAsARealOne() throws {
        let folder = NSTemporaryDirectory() + "termlens-bench-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try TermlensProcess.run(["bench", "--corpus-mb", "2", "--keep-corpus", folder, "--json"], env: ["TERMLENS_CACHE": "off"])
        #expect(r.status == 0, "\(r.stderr)")
        let figures = try #require(r.json as? [String: Any])
        for key in ["corpus_mb", "load_ms", "first_frame_ms", "search_p50_ms", "search_p99_ms", "redraw_200x60_cjk_ms", "rss_mb",
                    "index_build_ms", "index_reload_ms", "distinct_line_share"] {
            #expect(figures[key] is Double || figures[key] is Int, "\(key) missing")
        }
        let reported = try #require(figures["distinct_line_share"] as? Double)
        #expect((0.05...0.12).contains(reported), "\(reported)")

        // Counted again here over the archive's files alone: distinct lines' bytes over all lines' bytes.
        var seen = Set<Data>()
        var total = 0, distinct = 0
        let files = try #require(FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") })
        #expect(files.count > 20, "versions of a few documents")
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            for line in data.split(separator: 10, omittingEmptySubsequences: false) {
                total += line.count + 1
                if seen.insert(Data(line)).inserted { distinct += line.count + 1 }
            }
        }
        let share = Double(distinct) / Double(total)
        #expect((0.07...0.09).contains(share), "\(share)")
    }
}
