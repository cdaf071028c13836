import Foundation
import PolicyModel

/// A synthetic archive as redundant as a real one, no more: documents that evolve version by
/// version, most lines copied from the version before and some varied (words replaced, taken
/// deterministically from the texts' own vocabulary), so that about `distinctShare` of its
/// line bytes are distinct. (Real archives: distinct lines are 9.9 % of genai-versions' bytes
/// and 5.8 % of genai-eu-versions'.) Written as an Open Terms Archive dataset folder
/// (`Synthetic NN/Terms of Service/<date>.md`), read back as any source files are.
enum SyntheticCorpus {
    static let distinctShare = 0.08
    static let versionBytes = 64 * 1024

    struct Written {
        var versions: Int
        var bytes: Int
        /// Line bytes the generator made distinct (each line with its newline).
        var distinctBytes: Int
    }

    /// Writes `megabytes` of versions into `folder`, made from the newest version of each
    /// loaded document; deterministic for the same inputs.
    static func write(megabytes: Int, from catalog: Catalog, into folder: String) throws -> Written {
        let sources = catalog.vendors.flatMap { $0.documents.compactMap { $0.newest.flatMap { catalog.rawBytes(of: $0) } } }
            .map { $0.split(separator: 10, omittingEmptySubsequences: false).map(Array.init) }
            .filter { !$0.isEmpty }
        guard !sources.isEmpty else { return Written(versions: 0, bytes: 0, distinctBytes: 0) }
        let vocabulary = Self.vocabulary(sources)
        let target = megabytes * 1_048_576
        let versions = max(1, target / versionBytes)
        let series = max(1, Int(Double(versions / 4).squareRoot()))
        var written = Written(versions: 0, bytes: 0, distinctBytes: 0)
        var seen = Set<Int>()
        var day = 0
        for s in 0..<series where written.bytes < target {
            var document = baseDocument(s, sources)
            let service = String(format: "Synthetic %02d", s)
            let dir = folder + "/" + service + "/Terms of Service"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            // Versions of this series: its share of what is still to write.
            let count = max(1, (target - written.bytes) / (versionBytes * (series - s)))
            for v in 0..<count where written.bytes < target {
                var rng = SplitMix(seed: UInt64(s) << 32 | UInt64(v))
                if v > 0 {
                    // Vary lines until the distinct bytes catch up with the share wanted.
                    let size = document.reduce(0) { $0 + $1.count + 1 }
                    var deficit = Int(distinctShare * Double(written.bytes + size)) - written.distinctBytes
                    var tries = 0
                    while deficit > 0 && tries < document.count * 2 {
                        tries += 1
                        let i = rng.below(document.count)
                        guard !document[i].isEmpty, let varied = vary(document[i], &rng, vocabulary) else { continue }
                        document[i] = varied
                        deficit -= varied.count + 1
                    }
                }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(versionBytes + 4096)
                for line in document {
                    if seen.insert(line.hashValue).inserted { written.distinctBytes += line.count + 1 }
                    bytes += line
                    bytes.append(10)
                }
                let date = Self.date(day)
                day += 1
                let path = dir + "/" + date + "T00-00-00Z.md"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                written.versions += 1
                written.bytes += bytes.count
            }
        }
        return written
    }

    /// A first version of about `versionBytes`: one loaded document's lines, padded with the next ones'.
    static func baseDocument(_ s: Int, _ sources: [[[UInt8]]]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var size = 0
        var d = s % sources.count
        var added = true
        while added {
            added = false
            for line in sources[d] where size + line.count + 1 <= versionBytes || lines.isEmpty {
                lines.append(line)
                size += line.count + 1
                added = true
            }
            d = (d + 1) % sources.count
        }
        return lines
    }

    /// Words of three letters or more found in the texts, sorted (the same list every run).
    static func vocabulary(_ sources: [[[UInt8]]]) -> [[UInt8]] {
        var words = Set<[UInt8]>()
        for doc in sources {
            for line in doc {
                var word: [UInt8] = []
                for b in line + [32] {
                    if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { word.append(b) } else {
                        if word.count >= 3 { words.insert(word) }
                        word.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        let sorted = words.sorted { $0.lexicographicallyPrecedes($1) }
        return sorted.isEmpty ? [Array("varied".utf8)] : sorted
    }

    /// The line with one or two of its words replaced by others (or, in a line with no Latin
    /// word, one word inserted): nil when nothing changed.
    static func vary(_ line: [UInt8], _ rng: inout SplitMix, _ vocabulary: [[UInt8]]) -> [UInt8]? {
        var words: [Range<Int>] = []
        var start: Int?
        for (i, b) in (line + [32]).enumerated() {
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            if letter && start == nil { start = i }
            if !letter, let s = start {
                words.append(s..<i)
                start = nil
            }
        }
        var out = line
        if words.isEmpty {
            // Insert at a scalar boundary.
            var at = rng.below(line.count + 1)
            while at < line.count && line[at] & 0xC0 == 0x80 { at += 1 }
            out.insert(contentsOf: vocabulary[rng.below(vocabulary.count)] + [32], at: at)
            return out
        }
        let picks = Set((0..<(1 + rng.below(2))).map { _ in rng.below(words.count) })
        for w in picks.sorted(by: >) {
            out.replaceSubrange(words[w], with: vocabulary[rng.below(vocabulary.count)])
        }
        return out == line ? nil : out
    }

    /// `YYYY-MM-DD` for a day counted from 2020-01-01.
    static func date(_ day: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: 1_577_836_800 + Double(day) * 86_400))
        return String(format: "%04d-%02d-%02d", c.year ?? 2020, c.month ?? 1, c.day ?? 1)
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (0 when n is 0).
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
}
