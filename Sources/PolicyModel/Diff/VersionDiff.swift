/// A piece of a changed paragraph, word by word for Latin text and character by character for CJK.
public struct DiffSpan: Sendable, Hashable {
    public enum Op: String, Sendable { case equal, removed, added }
    public var op: Op
    /// The raw text (of the new version for `equal` and `added`, of the old for `removed`),
    /// with the whitespace that follows it.
    public var text: String
}

/// One change between two versions.
public struct TextChange: Sendable, Hashable {
    public enum Kind: String, Sendable { case added, removed, changed }
    public var kind: Kind
    /// The enclosing section in the new version (the old one for a removal).
    public var section: String?
    public var oldSection: String?
    public var oldText: String?
    public var newText: String?
    /// Raw offsets in Unicode scalars of each version's text.
    public var oldRange: Range<Int>?
    public var newRange: Range<Int>?
    /// For `changed`: the paragraph with its removed and added words.
    public var spans: [DiffSpan]
}

/// Paragraph-level diff of two versions, then word- (or CJK character-) level diff inside
/// each changed paragraph, both with Myers' O(ND) algorithm on interned tokens.
/// Unless `raw`, noise (see `NoiseFilter`, and whitespace) is not a change.
public enum VersionDiff {
    /// Paragraphs at least this similar (Dice over their tokens) are shown as one changed paragraph.
    static let pairThreshold = 0.3
    /// Larger hunks pair paragraphs in order instead of by best similarity.
    static let pairingLimit = 40_000

    public static func changes(old: DiffSide, new: DiffSide, raw: Bool = false) -> [TextChange] {
        var interner = Interner()
        let a = DiffBlocks.blocks(old, raw: raw, interner: &interner)
        let b = DiffBlocks.blocks(new, raw: raw, interner: &interner)
        return changes(a, b, old: old, new: new, raw: raw)
    }

    /// The changes between blocks made with one interner.
    static func changes(_ a: [DiffBlock], _ b: [DiffBlock], old: DiffSide, new: DiffSide, raw: Bool) -> [TextChange] {
        let runs = MyersDiff.diff(a.map(\.key), b.map(\.key))
        var changes: [TextChange] = []
        var pendingOld: Range<Int>?
        var pendingNew: Range<Int>?
        func flushHunk() {
            let o = pendingOld ?? a.count..<a.count
            let n = pendingNew ?? b.count..<b.count
            pendingOld = nil
            pendingNew = nil
            guard !o.isEmpty || !n.isEmpty else { return }
            changes += hunk(Array(a[o]), Array(b[n]), old: old, new: new, raw: raw)
        }
        for run in runs {
            switch run.kind {
            case .equal:
                flushHunk()
            case .delete:
                pendingOld = (pendingOld.map { $0.lowerBound } ?? run.oldStart)..<run.oldRange.upperBound
                if pendingNew == nil { pendingNew = run.newStart..<run.newStart }
            case .insert:
                pendingNew = (pendingNew.map { $0.lowerBound } ?? run.newStart)..<run.newRange.upperBound
                if pendingOld == nil { pendingOld = run.oldStart..<run.oldStart }
            }
        }
        flushHunk()
        return changes
    }

    private static func hunk(_ olds: [DiffBlock], _ news: [DiffBlock], old: DiffSide, new: DiffSide, raw: Bool) -> [TextChange] {
        // Paragraphs merged or split by reflow: the same tokens in the same order.
        if !raw, olds.flatMap({ $0.tokens.map(\.id) }) == news.flatMap({ $0.tokens.map(\.id) }) { return [] }
        var out: [TextChange] = []
        for step in pair(olds, news) {
            switch step {
            case .removed(let o):
                out.append(TextChange(kind: .removed, section: label(old, o.start), oldSection: label(old, o.start),
                                      oldText: old.text(o.start, o.end), newText: nil, oldRange: o.start..<o.end, newRange: nil, spans: []))
            case .added(let n):
                out.append(TextChange(kind: .added, section: label(new, n.start), oldSection: nil,
                                      oldText: nil, newText: new.text(n.start, n.end), oldRange: nil, newRange: n.start..<n.end, spans: []))
            case .paired(let o, let n):
                let spans = wordSpans(o, n, old: old, new: new)
                guard raw || spans.contains(where: { $0.op != .equal }) else { continue }
                out.append(TextChange(kind: .changed, section: label(new, n.start), oldSection: label(old, o.start),
                                      oldText: old.text(o.start, o.end), newText: new.text(n.start, n.end),
                                      oldRange: o.start..<o.end, newRange: n.start..<n.end, spans: spans))
            }
        }
        return out
    }

    private static func label(_ side: DiffSide, _ offset: Int) -> String? {
        side.sections?.section(at: offset)?.label
    }

    enum Step {
        case removed(DiffBlock)
        case added(DiffBlock)
        case paired(DiffBlock, DiffBlock)
    }

    /// Pairs the paragraphs of a hunk that are versions of each other, keeping order.
    static func pair(_ olds: [DiffBlock], _ news: [DiffBlock]) -> [Step] {
        let m = olds.count, n = news.count
        guard m > 0, n > 0 else { return olds.map { .removed($0) } + news.map { .added($0) } }
        let oldSets = olds.map { Set($0.tokens.map(\.id)) }
        let newSets = news.map { Set($0.tokens.map(\.id)) }
        func similarity(_ i: Int, _ j: Int) -> Double {
            let common = oldSets[i].intersection(newSets[j]).count
            return Double(2 * common) / Double(max(1, oldSets[i].count + newSets[j].count))
        }
        if m * n > pairingLimit {
            var steps: [Step] = []
            for k in 0..<max(m, n) {
                if k < m, k < n, similarity(k, k) >= pairThreshold { steps.append(.paired(olds[k], news[k])); continue }
                if k < m { steps.append(.removed(olds[k])) }
                if k < n { steps.append(.added(news[k])) }
            }
            return steps
        }
        // Best total similarity over order-keeping pairings (a weighted LCS).
        var score = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: m + 1)
        var sims = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
        for i in 0..<m { for j in 0..<n { sims[i][j] = similarity(i, j) } }
        for i in stride(from: m - 1, through: 0, by: -1) {
            for j in stride(from: n - 1, through: 0, by: -1) {
                var best = max(score[i + 1][j], score[i][j + 1])
                if sims[i][j] >= pairThreshold { best = max(best, score[i + 1][j + 1] + sims[i][j]) }
                score[i][j] = best
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < m || j < n {
            if i < m, j < n, sims[i][j] >= pairThreshold, score[i][j] == score[i + 1][j + 1] + sims[i][j] {
                steps.append(.paired(olds[i], news[j])); i += 1; j += 1
            } else if i < m, j == n || score[i][j] == score[i + 1][j] {
                steps.append(.removed(olds[i])); i += 1
            } else {
                steps.append(.added(news[j])); j += 1
            }
        }
        return steps
    }

    /// The word-level spans of a changed paragraph.
    static func wordSpans(_ o: DiffBlock, _ n: DiffBlock, old: DiffSide, new: DiffSide) -> [DiffSpan] {
        let runs = MyersDiff.diff(o.tokens.map(\.id), n.tokens.map(\.id))
        var spans: [DiffSpan] = []
        for run in runs {
            let text: String
            switch run.kind {
            case .equal, .insert:
                let r = run.newRange
                let end = r.upperBound < n.tokens.count ? n.tokens[r.upperBound].start : n.end
                text = new.text(n.tokens[r.lowerBound].start, end)
            case .delete:
                let r = run.oldRange
                let end = r.upperBound < o.tokens.count ? o.tokens[r.upperBound].start : o.end
                text = old.text(o.tokens[r.lowerBound].start, end)
            }
            let op: DiffSpan.Op = run.kind == .equal ? .equal : run.kind == .delete ? .removed : .added
            spans.append(DiffSpan(op: op, text: text))
        }
        return removalsFirst(spans)
    }

    /// Within each stretch of edits, what was removed comes before what was added.
    static func removalsFirst(_ spans: [DiffSpan]) -> [DiffSpan] {
        var out: [DiffSpan] = []
        var removed = "", added = ""
        func flush() {
            if !removed.isEmpty { out.append(DiffSpan(op: .removed, text: removed)) }
            if !added.isEmpty { out.append(DiffSpan(op: .added, text: added)) }
            removed = ""
            added = ""
        }
        for span in spans {
            switch span.op {
            case .equal: flush(); out.append(span)
            case .removed: removed += span.text
            case .added: added += span.text
            }
        }
        flush()
        return out
    }
}

extension VersionDiff {
    /// The words of `old` and `new` that differ, as scalar ranges of each text: the tokens and
    /// the word diff of a changed paragraph, over two whole texts (two versions of a clause side
    /// by side). Noise is not a difference.
    public static func differingWords(old: String, new: String) -> (old: [Range<Int>], new: [Range<Int>]) {
        var interner = Interner()
        let a = DiffBlocks.blocks(DiffSide(text: old, withSections: false), raw: false, interner: &interner).flatMap(\.tokens)
        let b = DiffBlocks.blocks(DiffSide(text: new, withSections: false), raw: false, interner: &interner).flatMap(\.tokens)
        var inOld: [Range<Int>] = [], inNew: [Range<Int>] = []
        // Within one stretch of edits (no equal run between), the words are one range per side,
        // as `removalsFirst` makes them one span.
        var oldInStretch = false, newInStretch = false
        func add(_ range: Range<Int>, to ranges: inout [Range<Int>], extending: inout Bool) {
            if extending, let last = ranges.last { ranges[ranges.count - 1] = last.lowerBound..<range.upperBound } else { ranges.append(range) }
            extending = true
        }
        for run in MyersDiff.diff(a.map(\.id), b.map(\.id)) {
            switch run.kind {
            case .equal:
                oldInStretch = false
                newInStretch = false
            case .delete where !run.oldRange.isEmpty && run.oldRange.upperBound <= a.count:
                add(a[run.oldRange.lowerBound].start..<a[run.oldRange.upperBound - 1].end, to: &inOld, extending: &oldInStretch)
            case .insert where !run.newRange.isEmpty && run.newRange.upperBound <= b.count:
                add(b[run.newRange.lowerBound].start..<b[run.newRange.upperBound - 1].end, to: &inNew, extending: &newInStretch)
            case .delete, .insert: break
            }
        }
        return (inOld, inNew)
    }
}
