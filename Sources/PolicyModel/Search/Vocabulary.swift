/// Looks words up in the sorted vocabulary.
struct Vocabulary {
    let tables: IndexTables

    /// The id of exactly this word.
    func id(of word: [UInt8]) -> Int? {
        let i = lowerBound(word)
        guard i < tables.wordCount, compare(i, word) == 0 else { return nil }
        return i
    }

    /// The ids of the words that start with `prefix`.
    func range(prefix: [UInt8]) -> Range<Int> {
        let lo = lowerBound(prefix)
        var hi = lo
        // Binary search the end: the first word at or after `lo` that does not start with prefix.
        var a = lo, b = tables.wordCount
        while a < b {
            let mid = (a + b) / 2
            if startsWith(mid, prefix) { a = mid + 1 } else { b = mid }
        }
        hi = a
        return lo..<hi
    }

    private func lowerBound(_ word: [UInt8]) -> Int {
        var a = 0, b = tables.wordCount
        while a < b {
            let mid = (a + b) / 2
            if compare(mid, word) < 0 { a = mid + 1 } else { b = mid }
        }
        return a
    }

    private func compare(_ i: Int, _ word: [UInt8]) -> Int {
        let w = tables.word(i)
        let n = min(w.count, word.count)
        for k in 0..<n where w[k] != word[k] { return w[k] < word[k] ? -1 : 1 }
        return w.count == word.count ? 0 : (w.count < word.count ? -1 : 1)
    }

    private func startsWith(_ i: Int, _ prefix: [UInt8]) -> Bool {
        let w = tables.word(i)
        guard w.count >= prefix.count else { return false }
        for k in 0..<prefix.count where w[k] != prefix[k] { return false }
        return true
    }
}
