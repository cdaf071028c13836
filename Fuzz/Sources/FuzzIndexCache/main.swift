// The search index cache read from arbitrary bytes: refused, or an index whose every use stays
// inside its tables; never a crash. The first byte selects how the rest is read: even, as a
// file as it is (damage is mostly caught by the checksum); odd, with its checksum made to fit
// first, as a hostile file would have it, which reaches the checks on lengths, offsets and ids.
//
//   FuzzIndexCache --write-seeds DIR     writes valid cache files to start from (Scripts/fuzz.sh)
import Foundation
import FuzzSupport
import PolicyModel

let key = "fuzz"

/// Small indexes of English and Chinese texts, a quote among them, as cache files.
func writeSeeds(into folder: String) {
    let texts = [
        "# Terms\n\n4.3 We may use Inputs to improve the Services. You can opt out by turning off \"Improve the model\".\n",
        "第四条 数据\n\n4.3 我们可能会将输入用于模型服务优化以及**训练**。\n\n（1）ＡＰＩ 用户的数据不用于训练。\n",
        "Setext heading\n==============\n\n* list item — opt‑out / opt-in\n\n[link text](https://example.com) don’t\n",
    ]
    let catalog = CatalogLoader.load(layers: [], sourceRoots: [])
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for n in 1...texts.count {
        let extra = texts.prefix(n).enumerated().map { SearchIndex.ExtraText(vendor: "fuzz", document: "text-\($0.offset)", bytes: Array($0.element.utf8)) }
        guard let bytes = IndexCache.bytes(of: SearchIndex(catalog: catalog, allVersions: true, extraTexts: extra), key: key) else { continue }
        for selector: UInt8 in [0, 1] {
            FileManager.default.createFile(atPath: folder + "/index-\(n)-\(selector)", contents: Data([selector] + bytes))
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (selector, rest) = FuzzInput(data, size).head
    var bytes = Array(rest)
    if selector & 1 == 1, let sealed = IndexCache.resealed(bytes) { bytes = sealed }
    guard let index = IndexCache.load(bytes: bytes, key: key) else { return 0 }
    var describer = HitDescriber(index: index)
    for query in ["opt out", "训练", "a", "\"we may\" @all", "4.3 v:fuzz"] {
        for match in index.matches(SearchQuery(query), limit: 20) {
            let hit = describer.describe(match)
            let count = hit.snippet.unicodeScalars.count
            require(hit.snippetMatch.lowerBound >= 0 && hit.snippetMatch.upperBound <= count, "snippet match \(hit.snippetMatch) of \(count)")
            require(hit.matches.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= count }, "word matches \(hit.matches) of \(count)")
        }
    }
    return 0
}

if CommandLine.arguments.count == 3 && CommandLine.arguments[1] == "--write-seeds" {
    writeSeeds(into: CommandLine.arguments[2])
    exit(0)
}
runFuzzer(fuzzOne)
