/// Aligns two clause sequences: clauses with the same number face each other (the longest
/// run that keeps both orders), then, between those anchors, clauses without numbers face
/// clauses of the same tier in order; anything left faces a gap.
enum ClauseAlignment {
    struct Item {
        var key: ClauseKey?
        var tier: ClauseKey.Tier
    }

    /// Gaps larger than this (cells of the order-keeping table) pair by position instead.
    static let gapLimit = 1_000_000

    static func align(_ left: [Item], _ right: [Item]) -> [(Int?, Int?)] {
        let anchors = numberAnchors(left, right)
        var out: [(Int?, Int?)] = []
        var i = 0, j = 0
        for (ai, aj) in anchors + [(left.count, right.count)] {
            out += alignGap(left, i..<ai, right, j..<aj)
            if ai < left.count, aj < right.count { out.append((ai, aj)) }
            i = ai + 1
            j = aj + 1
        }
        return out
    }

    /// Same number, same occurrence: candidate pairs, reduced to the longest order-keeping chain.
    static func numberAnchors(_ left: [Item], _ right: [Item]) -> [(Int, Int)] {
        struct Occurrence: Hashable { var key: ClauseKey; var n: Int }
        func occurrences(_ items: [Item]) -> [Occurrence?] {
            var seen: [ClauseKey: Int] = [:]
            return items.map { item in
                guard let key = item.key else { return nil }
                let n = seen[key, default: 0]
                seen[key] = n + 1
                return Occurrence(key: key, n: n)
            }
        }
        var rightIndex: [Occurrence: Int] = [:]
        for (j, o) in occurrences(right).enumerated() { if let o { rightIndex[o] = j } }
        var candidates: [(Int, Int)] = []
        for (i, o) in occurrences(left).enumerated() {
            if let o, let j = rightIndex[o] { candidates.append((i, j)) }
        }
        return longestIncreasing(candidates)
    }

    /// The longest subsequence (candidates are in increasing first index) increasing in the second.
    static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        var tails: [Int] = []      // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (p, pair) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].1 < pair.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[p] = tails[lo - 1] }
            if lo == tails.count { tails.append(p) } else { tails[lo] = p }
        }
        var chain: [(Int, Int)] = []
        var p = tails.last ?? -1
        while p >= 0 {
            chain.append(pairs[p])
            p = previous[p]
        }
        return chain.reversed()
    }

    /// Of two clauses left unpaired, which to show first: the lower number (else the left one).
    static func precedes(_ x: Item, _ y: Item) -> Bool {
        func path(_ k: ClauseKey?) -> [Int]? {
            switch k {
            case .number(let n)?: return n
            case .item(let parent, let label)?: return parent + [Int(label) ?? 0]
            case nil: return nil
            }
        }
        guard let a = path(x.key), let b = path(y.key) else { return false }
        return a.lexicographicallyPrecedes(b)
    }

    /// Clauses between two anchors: pairs where one side has no number and the tiers agree.
    static func alignGap(_ left: [Item], _ l: Range<Int>, _ right: [Item], _ r: Range<Int>) -> [(Int?, Int?)] {
        let m = l.count, n = r.count
        func pairable(_ a: Int, _ b: Int) -> Bool {
            let x = left[l.lowerBound + a], y = right[r.lowerBound + b]
            return x.tier == y.tier && (x.key == nil || y.key == nil)
        }
        if m == 0 || n == 0 || m * n > gapLimit {
            var out: [(Int?, Int?)] = l.map { ($0, nil) }
            out += r.map { (nil, $0) }
            return out
        }
        var best = [[Int]](repeating: [Int](repeating: 0, count: n + 1), count: m + 1)
        for a in stride(from: m - 1, through: 0, by: -1) {
            for b in stride(from: n - 1, through: 0, by: -1) {
                var v = max(best[a + 1][b], best[a][b + 1])
                if pairable(a, b) { v = max(v, best[a + 1][b + 1] + 1) }
                best[a][b] = v
            }
        }
        var out: [(Int?, Int?)] = []
        var a = 0, b = 0
        while a < m || b < n {
            if a < m, b < n, pairable(a, b), best[a][b] == best[a + 1][b + 1] + 1 {
                out.append((l.lowerBound + a, r.lowerBound + b)); a += 1; b += 1
            } else if a < m, b == n || (best[a][b] == best[a + 1][b]
                                        && !(best[a][b] == best[a][b + 1] && precedes(right[r.lowerBound + b], left[l.lowerBound + a]))) {
                out.append((l.lowerBound + a, nil)); a += 1
            } else {
                out.append((nil, r.lowerBound + b)); b += 1
            }
        }
        return out
    }
}
