/// The search index's tables: arrays of integers and bytes, made by `IndexBuilder` and read in
/// place from the cache file. Texts are cut into lines; identical lines are stored once (real
/// archives repeat most of their lines from version to version), and so are lines that fold
/// alike. A table `xStart` of n + 1 offsets cuts `x` into n rows.
/// A class, so that the many readers (describers, linkers, ratings on several threads) share
/// one reference instead of copying and retaining every table.
final class IndexTables: Sendable {
    /// The vocabulary, sorted by bytes (so the words starting with a prefix are a range of ids):
    /// word w is `wordBytes[wordStart[w]..<wordStart[w + 1]]`.
    let wordStart: Packed<UInt32>
    let wordBytes: ByteRegion
    /// For each word, the folded lines that hold it, ascending.
    let postStart: Packed<UInt32>
    let postings: Packed<UInt32>
    /// Each folded line as tokens: word id in the low 30 bits, the gap before it in the top two.
    let tokenStart: Packed<UInt32>
    let tokens: Packed<UInt32>
    /// For each folded line, the occurrences of it, ascending.
    let lineOccStart: Packed<UInt32>
    let lineOccs: Packed<UInt32>
    /// The distinct raw lines, as they are in the files (for snippets and offsets).
    let rawStart: Packed<UInt64>
    let rawBytes: ByteRegion
    /// Where each token of each raw line lies in it (raw scalar start and end, two values per
    /// token), so describing a hit need not cut the line into tokens again. A raw line's tokens
    /// are its folded line's, in order. Values are clamped to the line where they are used.
    let rawTokenStart: Packed<UInt32>
    let rawTokenSpans: Packed<UInt32>
    /// Occurrences of lines in units, unit after unit and in text order within a unit: which
    /// folded line and raw line, and the raw scalar offset where the line starts in its text.
    let unitOccStart: Packed<UInt32>
    let occLine: Packed<UInt32>
    let occRaw: Packed<UInt32>
    let occScalar: Packed<UInt32>
    /// Sections of each unit: where each starts (raw scalar offset) and its label.
    let unitSectionStart: Packed<UInt32>
    let sectionScalar: Packed<UInt32>
    let sectionLabel: Packed<UInt32>
    let labelStart: Packed<UInt32>
    let labelBytes: ByteRegion

    init(wordStart: Packed<UInt32>,
         wordBytes: ByteRegion,
         postStart: Packed<UInt32>,
         postings: Packed<UInt32>,
         tokenStart: Packed<UInt32>,
         tokens: Packed<UInt32>,
         lineOccStart: Packed<UInt32>,
         lineOccs: Packed<UInt32>,
         rawStart: Packed<UInt64>,
         rawBytes: ByteRegion,
         rawTokenStart: Packed<UInt32>,
         rawTokenSpans: Packed<UInt32>,
         unitOccStart: Packed<UInt32>,
         occLine: Packed<UInt32>,
         occRaw: Packed<UInt32>,
         occScalar: Packed<UInt32>,
         unitSectionStart: Packed<UInt32>,
         sectionScalar: Packed<UInt32>,
         sectionLabel: Packed<UInt32>,
         labelStart: Packed<UInt32>,
         labelBytes: ByteRegion) {
        self.wordStart = wordStart
        self.wordBytes = wordBytes
        self.postStart = postStart
        self.postings = postings
        self.tokenStart = tokenStart
        self.tokens = tokens
        self.lineOccStart = lineOccStart
        self.lineOccs = lineOccs
        self.rawStart = rawStart
        self.rawBytes = rawBytes
        self.rawTokenStart = rawTokenStart
        self.rawTokenSpans = rawTokenSpans
        self.unitOccStart = unitOccStart
        self.occLine = occLine
        self.occRaw = occRaw
        self.occScalar = occScalar
        self.unitSectionStart = unitSectionStart
        self.sectionScalar = sectionScalar
        self.sectionLabel = sectionLabel
        self.labelStart = labelStart
        self.labelBytes = labelBytes
    }

    static let idBits: UInt32 = 30
    static let idMask: UInt32 = (1 << idBits) - 1

    var wordCount: Int { wordStart.count - 1 }
    var lineCount: Int { tokenStart.count - 1 }
    var rawLineCount: Int { rawStart.count - 1 }
    var occurrenceCount: Int { occLine.count }
    var unitCount: Int { unitOccStart.count - 1 }

    func row(_ start: Packed<UInt32>, _ i: Int) -> Range<Int> { Int(start[i])..<Int(start[i + 1]) }

    func word(_ w: Int) -> UnsafeRawBufferPointer { wordBytes.slice(row(wordStart, w)) }

    /// The tokens of raw line `r`, as a range of token numbers (`rawTokenSpans` holds two values each).
    func rawTokens(_ r: Int) -> Range<Int> { row(rawTokenStart, r) }

    func rawLine(_ r: Int) -> UnsafeRawBufferPointer {
        rawBytes.slice(Int(rawStart[r])..<Int(rawStart[r + 1]))
    }

    func label(_ l: Int) -> String { String(decoding: labelBytes.slice(row(labelStart, l)), as: UTF8.self) }

    /// The unit an occurrence belongs to (binary search over `unitOccStart`).
    func unit(ofOccurrence occ: Int) -> Int {
        var lo = 0, hi = unitCount
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(unitOccStart[mid]) <= occ { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The lines in every one of these rows of `postings` (each ascending), or nil when there are
    /// more than `limit` (or could be: the smallest row is the bound checked first).
    func intersection(of rows: [Range<Int>], atMost limit: Int) -> [UInt32]? {
        guard let first = rows.indices.min(by: { rows[$0].count < rows[$1].count }) else { return [] }
        let smallest = rows[first]
        var out: [UInt32] = []
        // Each line of the smallest row looked up in the others, which only move forward.
        var cursors = rows.map(\.lowerBound)
        for i in smallest {
            let line = postings[i]
            var inAll = true
            for (k, row) in rows.enumerated() where k != first {
                var lo = cursors[k], step = 1
                // Gallop to a bound, then binary search.
                while lo + step < row.upperBound && postings[lo + step] < line { lo += step; step <<= 1 }
                var a = lo, b = min(row.upperBound, lo + step + 1)
                while a < b {
                    let mid = (a + b) / 2
                    if postings[mid] < line { a = mid + 1 } else { b = mid }
                }
                cursors[k] = a
                if a >= row.upperBound || postings[a] != line { inAll = false; break }
            }
            if inAll {
                out.append(line)
                if out.count > limit { return nil }
            }
        }
        return out
    }

    /// Whether every offset table cuts its table exactly and every id names a row that exists:
    /// what reading the tables relies on. A cache file that fails this is rebuilt.
    func isConsistent(units: Int) -> Bool {
        guard Self.cuts(wordStart, total: wordBytes.count),
              Self.cuts(postStart, total: postings.count), postStart.count == wordStart.count,
              Self.cuts(tokenStart, total: tokens.count),
              Self.cuts(lineOccStart, total: lineOccs.count), lineOccStart.count == tokenStart.count,
              Self.cuts(rawStart, total: rawBytes.count),
              rawTokenSpans.count % 2 == 0, Self.cuts(rawTokenStart, total: rawTokenSpans.count / 2), rawTokenStart.count == rawStart.count,
              Self.cuts(unitOccStart, total: occLine.count), unitOccStart.count == units + 1,
              occRaw.count == occLine.count, occScalar.count == occLine.count, lineOccs.count == occLine.count,
              Self.cuts(unitSectionStart, total: sectionScalar.count), unitSectionStart.count == units + 1,
              sectionLabel.count == sectionScalar.count,
              Self.cuts(labelStart, total: labelBytes.count) else { return false }
        return Self.allBelow(postings, lineCount) && Self.allBelow(lineOccs, occurrenceCount)
            && Self.allBelow(occLine, lineCount) && Self.allBelow(occRaw, rawLineCount)
            && Self.allBelow(sectionLabel, labelStart.count - 1)
            && Self.allBelow(tokens, wordCount, mask: Self.idMask)
    }

    private static func cuts<T: FixedWidthInteger & BitwiseCopyable & Sendable>(_ start: Packed<T>, total: Int) -> Bool {
        guard start.count >= 1 else { return false }
        return start.withUnsafeBufferPointer { s in
            guard s[0] == 0, UInt64(s[s.count - 1]) == UInt64(total) else { return false }
            // No early exit: a loop the compiler can vectorize.
            var descending: UInt8 = 0
            for i in 1..<s.count { descending |= s[i] < s[i - 1] ? 1 : 0 }
            return descending == 0
        }
    }

    /// Whether every value (its `mask` bits) is below `limit`.
    private static func allBelow(_ values: Packed<UInt32>, _ limit: Int, mask: UInt32 = .max) -> Bool {
        guard limit > 0 else { return values.isEmpty }
        let bound = UInt32(truncatingIfNeeded: min(limit, Int(UInt32.max)))
        return values.withUnsafeBufferPointer { v in
            // No early exit: a loop the compiler can vectorize.
            var bad: UInt32 = 0
            for x in v { bad |= x & mask >= bound ? 1 : 0 }
            return bad == 0
        }
    }
}
