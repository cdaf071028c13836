#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Builds `IndexTables` from texts, line by line. A line met before (most lines of an archive's
/// versions) costs one hash lookup: it is folded, tokenized and classified once.
struct IndexBuilder {
    private var tokenizer = Tokenizer()
    private var line = TokenizedLine()
    private var scalars: [Unicode.Scalar] = []
    private var key: [UInt32] = []

    private var vocabulary = ByteTable()
    private var rawLines = ByteTable(capacity: 1 << 14)
    private var foldedLines = ByteTable(capacity: 1 << 14)
    /// Per raw line: its folded line (`noTokens` when it has none), scalar count, and the section
    /// it opens when no underline follows (`unknown`, `noSection`, or a label id).
    private var rawFolded: [UInt32] = []
    private var rawScalars: [UInt32] = []
    private var rawHeading: [Int32] = []
    private var rawUnderline: [SectionIndex.Underline?] = []
    /// Per raw line: what `ListItemRule` needs of the section it opens (when no underline
    /// follows), and whether it is a list line (nil until asked).
    private var rawEvidence: [ListItemRule.Evidence?] = []
    private var rawIsList: [Bool?] = []
    /// What `ListItemRule` needs of each section of the text being added.
    private var unitEvidence: [ListItemRule.Evidence] = []
    /// Per raw line, where its tokens lie in it (see `IndexTables.rawTokenSpans`).
    private var rawTokenStart: [UInt32] = [0]
    private var rawTokenSpans: [UInt32] = []
    /// Per folded line: how many of its tokens are CJK characters.
    private var lineCJK: [UInt32] = []

    private var occLine: [UInt32] = []
    private var occRaw: [UInt32] = []
    private var occScalar: [UInt32] = []
    private var unitOccStart: [UInt32] = [0]
    private var sectionScalar: [UInt32] = []
    private var sectionLabel: [UInt32] = []
    private var unitSectionStart: [UInt32] = [0]
    private var labels = ByteTable()

    /// A table reached the size its offsets can address: later texts are left out.
    private(set) var isFull = false
    /// Bytes of document lines (each with its newline), and of the distinct ones among them:
    /// how redundant the texts are.
    private(set) var lineBytes = 0
    private(set) var distinctLineBytes = 0
    private var sawEmptyLine = false

    static let noTokens = UInt32.max
    static let unknown: Int32 = -2
    static let noSection: Int32 = -1

    /// Token and CJK counts of a text (to tell its language when no one said).
    struct TextStats {
        var tokens = 0
        var cjk = 0
        var language: String { cjk > 0 && cjk >= tokens - cjk ? "zh" : "en" }
    }

    /// Adds a text that is one clause (a quote): one occurrence, newlines and all.
    mutating func addQuote(_ text: String) {
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            guard let raw = intern(b) else { return }
            appendOccurrence(raw: raw, scalarStart: 0)
        }
        endUnit()
    }

    /// Adds a text line by line, with its sections.
    @discardableResult
    mutating func addDocument(_ text: UnsafeBufferPointer<UInt8>) -> TextStats {
        var stats = TextStats()
        guard !isFull, let base = text.baseAddress else {
            endUnit()
            return stats
        }
        var start = 0
        var scalarOffset = 0
        var lineNumber = 0
        // The previous line waits for this one: a setext underline makes it a heading.
        var pending: (raw: Int, scalarStart: Int, number: Int, before: Int?)?
        var previous: Int?
        while start <= text.count, !isFull {
            let end = start < text.count ? (memchr(base + start, 10, text.count - start).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? text.count) : text.count
            // A final empty piece after the last newline is not a line.
            if start == text.count && start > 0 { break }
            lineNumber += 1
            let distinctBefore = rawLines.count
            let raw = end > start ? intern(UnsafeBufferPointer(rebasing: text[start..<end])) : nil
            lineBytes += end - start + 1
            if rawLines.count > distinctBefore || (end == start && !sawEmptyLine) { distinctLineBytes += end - start + 1 }
            if end == start { sawEmptyLine = true }
            if let p = pending { addSection(raw: p.raw, scalarStart: p.scalarStart, number: p.number, before: p.before, next: raw) }
            pending = nil
            defer { previous = raw }
            if let raw {
                let folded = rawFolded[raw]
                if folded != Self.noTokens {
                    guard scalarOffset <= Int(UInt32.max) else { isFull = true; break }
                    appendOccurrence(raw: raw, scalarStart: scalarOffset)
                    let range = foldedRange(Int(folded))
                    stats.tokens += range.count
                    stats.cjk += Int(lineCJK[Int(folded)])
                }
                pending = (raw, scalarOffset, lineNumber, previous)
                scalarOffset += Int(rawScalars[raw]) + 1
            } else {
                scalarOffset += 1
            }
            if end >= text.count { break }
            start = end + 1
        }
        if let p = pending { addSection(raw: p.raw, scalarStart: p.scalarStart, number: p.number, before: p.before, next: nil) }
        endUnit()
        return stats
    }

    private mutating func endUnit() {
        dropListItems()
        unitOccStart.append(UInt32(truncatingIfNeeded: occLine.count))
        unitSectionStart.append(UInt32(truncatingIfNeeded: sectionScalar.count))
    }

    private mutating func appendOccurrence(raw: Int, scalarStart: Int) {
        guard occLine.count < Int(UInt32.max) - 1 else { isFull = true; return }
        let folded = rawFolded[raw]
        guard folded != Self.noTokens else { return }
        occLine.append(folded)
        occRaw.append(UInt32(truncatingIfNeeded: raw))
        occScalar.append(UInt32(truncatingIfNeeded: scalarStart))
    }

    /// Tokens of folded line `f`, as a range of `key`-sized entries in the folded-line table.
    private func foldedRange(_ f: Int) -> Range<Int> {
        let r = foldedLines.starts[f]..<foldedLines.starts[f + 1]
        return (r.lowerBound / 4)..<(r.upperBound / 4)
    }

    /// The number of a raw line, folded and tokenized the first time it is met.
    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let (raw, isNew) = rawLines.intern(UnsafeRawBufferPointer(bytes)) else {
            isFull = true
            return nil
        }
        guard isNew else { return raw }
        // Every new raw line gets its row of token spans (empty for a line with no tokens).
        defer { rawTokenStart.append(UInt32(truncatingIfNeeded: rawTokenSpans.count / 2)) }
        rawScalars.append(UInt32(truncatingIfNeeded: Tokenizer.scalarCount(bytes)))
        rawHeading.append(Self.unknown)
        rawUnderline.append(nil)
        rawEvidence.append(nil)
        rawIsList.append(nil)
        tokenizer.tokenize(bytes, offsets: true, into: &line)
        guard line.count > 0 else {
            rawFolded.append(Self.noTokens)
            return raw
        }
        key.removeAll(keepingCapacity: true)
        var cjk: UInt32 = 0
        for i in 0..<line.count {
            let word = line.bytes[line.start(i)..<Int(line.ends[i])]
            guard let (id, _) = word.withUnsafeBytes({ vocabulary.intern($0) }), UInt32(id) < IndexTables.idMask else {
                isFull = true
                rawFolded.append(Self.noTokens)
                return raw
            }
            key.append(UInt32(id) | UInt32(line.gaps[i].rawValue) << IndexTables.idBits)
            if line.isCJK[i] { cjk += 1 }
        }
        guard let (folded, foldedIsNew) = key.withUnsafeBytes({ foldedLines.intern($0) }), folded < Int(Self.noTokens) else {
            isFull = true
            rawFolded.append(Self.noTokens)
            return raw
        }
        guard rawTokenSpans.count / 2 + line.count < Int(UInt32.max) else {
            isFull = true
            rawFolded.append(Self.noTokens)
            return raw
        }
        if foldedIsNew { lineCJK.append(cjk) }
        rawFolded.append(UInt32(folded))
        for i in 0..<line.count {
            rawTokenSpans.append(UInt32(bitPattern: line.rawStarts[i]))
            rawTokenSpans.append(UInt32(bitPattern: line.rawEnds[i]))
        }
        return raw
    }

    /// Records the section raw line `raw` opens (at `scalarStart`, line `number`), if any, given
    /// the lines before and after it.
    private mutating func addSection(raw: Int, scalarStart: Int, number: Int, before: Int?, next: Int?) {
        let underline = next.map { underlineOf($0) } ?? .none
        var labelID: Int32
        var evidence: ListItemRule.Evidence?
        if underline == .none {
            if rawHeading[raw] == Self.unknown { (rawHeading[raw], rawEvidence[raw]) = classify(raw, underline: .none) }
            labelID = rawHeading[raw]
            evidence = rawEvidence[raw]
        } else {
            (labelID, evidence) = classify(raw, underline: underline)
        }
        guard labelID >= 0, var evidence, scalarStart <= Int(UInt32.max) else { return }
        evidence.isTight = before.map { isListLine($0) } == true || next.map { isListLine($0) } == true
        sectionScalar.append(UInt32(truncatingIfNeeded: scalarStart))
        sectionLabel.append(UInt32(labelID))
        unitEvidence.append(evidence)
    }

    /// Leaves out the sections of the text just added that are items of a list inside a clause.
    private mutating func dropListItems() {
        defer { unitEvidence.removeAll(keepingCapacity: true) }
        let first = Int(unitSectionStart[unitSectionStart.count - 1])
        guard sectionScalar.count - first == unitEvidence.count else { return }
        let drop = ListItemRule.listItems(unitEvidence)
        guard drop.contains(true) else { return }
        var kept = first
        for (k, isItem) in drop.enumerated() where !isItem {
            sectionScalar[kept] = sectionScalar[first + k]
            sectionLabel[kept] = sectionLabel[first + k]
            kept += 1
        }
        sectionScalar.removeSubrange(kept...)
        sectionLabel.removeSubrange(kept...)
    }

    private mutating func isListLine(_ raw: Int) -> Bool {
        if let known = rawIsList[raw] { return known }
        let head = leadingScalars(raw)
        var result = false
        if head.isEmpty || head[0] == "*" || head[0] == "-" || head[0] == "+" || ("0"..."9").contains(head[0]) {
            decode(raw)
            result = ListItemRule.isListLine(scalars[...])
        }
        rawIsList[raw] = result
        return result
    }

    private mutating func underlineOf(_ raw: Int) -> SectionIndex.Underline {
        if let known = rawUnderline[raw] { return known }
        var result = SectionIndex.Underline.none
        let head = leadingScalars(raw)
        if head.isEmpty || head[0] == "=" || head[0] == "-" {
            decode(raw)
            result = SectionIndex.underline(scalars[...])
        }
        rawUnderline[raw] = result
        return result
    }

    private mutating func classify(_ raw: Int, underline: SectionIndex.Underline) -> (Int32, ListItemRule.Evidence?) {
        if underline == .none && !mayOpenSection(leadingScalars(raw)) { return (Self.noSection, nil) }
        decode(raw)
        guard let section = SectionIndex.lineSection(scalars[...], underline: underline, start: 0, line: 1) else { return (Self.noSection, nil) }
        let label = Array(section.label.utf8)
        guard let (id, _) = label.withUnsafeBytes({ labels.intern($0) }) else { return (Self.noSection, nil) }
        let evidence = ListItemRule.evidence(for: section, line: underline == .none ? scalars[...] : [])
        return (Int32(id), evidence)
    }

    /// The first few visible scalars of a raw line (after leading spaces); empty when the line
    /// starts with more spaces than are looked at (then the full test runs).
    private func leadingScalars(_ raw: Int) -> [Unicode.Scalar] {
        let bytes = rawLines.bytes(raw)
        var out: [Unicode.Scalar] = []
        bytes.prefix(48).withUnsafeBufferPointer { Tokenizer.decode($0, into: &out) }
        guard let first = out.firstIndex(where: { !MarkupNormalizer.isSpace($0) }) else { return bytes.count > 48 ? [] : [" "] }
        return Array(out[first...].prefix(8))
    }

    /// A quick test that a line may open a section, from its first visible scalars: true for
    /// every line `SectionIndex.mayOpenSection` accepts (and some more), so that the many plain
    /// lines of a text are never decoded in full.
    private func mayOpenSection(_ head: [Unicode.Scalar]) -> Bool {
        guard let first = head.first else { return true }
        func opensClause(_ s: Unicode.Scalar) -> Bool {
            switch s {
            case "#", "0"..."9", "(", "（", "第", "S", "A", "*": return true
            default: return SectionIndex.isChineseNumeral(s)
            }
        }
        switch first {
        case " ": return false
        case "*", "-", "+":
            guard head.count > 1 else { return false }
            if first == "*" && head[1] == "*" { return true }
            guard let next = head.dropFirst().first(where: { !MarkupNormalizer.isSpace($0) }) else { return head.count >= 8 }
            return opensClause(next)
        default:
            return opensClause(first)
        }
    }

    private mutating func decode(_ raw: Int) {
        scalars.removeAll(keepingCapacity: true)
        let bytes = rawLines.bytes(raw)
        bytes.withUnsafeBufferPointer { Tokenizer.decode($0, into: &scalars) }
    }

    /// The finished tables: the vocabulary sorted and token ids renumbered to match, postings
    /// and each line's occurrences gathered.
    func finish() -> IndexTables {
        // Sort the vocabulary by bytes; `newID[old]` renumbers tokens.
        let words = vocabulary.count
        var order = Array(0..<words)
        vocabulary.blob.withUnsafeBufferPointer { blob in
            let starts = vocabulary.starts
            order.sort { a, b in
                let x = UnsafeBufferPointer(rebasing: blob[starts[a]..<starts[a + 1]])
                let y = UnsafeBufferPointer(rebasing: blob[starts[b]..<starts[b + 1]])
                return x.lexicographicallyPrecedes(y)
            }
        }
        var newID = [UInt32](repeating: 0, count: words)
        var wordBytes: [UInt8] = []
        wordBytes.reserveCapacity(vocabulary.blob.count)
        var wordStart: [UInt32] = [0]
        wordStart.reserveCapacity(words + 1)
        for (rank, old) in order.enumerated() {
            newID[old] = UInt32(rank)
            wordBytes += vocabulary.bytes(old)
            wordStart.append(UInt32(truncatingIfNeeded: wordBytes.count))
        }

        // Tokens, renumbered.
        let lineCount = foldedLines.count
        var tokens = [UInt32](repeating: 0, count: foldedLines.blob.count / 4)
        foldedLines.blob.withUnsafeBytes { raw in
            for i in tokens.indices {
                let t = raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)
                tokens[i] = newID[Int(t & IndexTables.idMask)] | (t & ~IndexTables.idMask)
            }
        }
        let tokenStart = foldedLines.starts.map { UInt32(truncatingIfNeeded: $0 / 4) }

        // Postings: each line once per word it holds, lines ascending (counting sort by word).
        var postStart = [UInt32](repeating: 0, count: words + 1)
        var lastLine = [Int32](repeating: -1, count: words)
        for l in 0..<lineCount {
            for i in Int(tokenStart[l])..<Int(tokenStart[l + 1]) {
                let w = Int(tokens[i] & IndexTables.idMask)
                if lastLine[w] != Int32(l) {
                    lastLine[w] = Int32(l)
                    postStart[w + 1] += 1
                }
            }
        }
        for w in 0..<words { postStart[w + 1] += postStart[w] }
        var fill = Array(postStart.dropLast())
        var postings = [UInt32](repeating: 0, count: Int(postStart[words]))
        for w in 0..<words { lastLine[w] = -1 }
        for l in 0..<lineCount {
            for i in Int(tokenStart[l])..<Int(tokenStart[l + 1]) {
                let w = Int(tokens[i] & IndexTables.idMask)
                if lastLine[w] != Int32(l) {
                    lastLine[w] = Int32(l)
                    postings[Int(fill[w])] = UInt32(l)
                    fill[w] += 1
                }
            }
        }

        // Each folded line's occurrences (counting sort by line).
        var lineOccStart = [UInt32](repeating: 0, count: lineCount + 1)
        for l in occLine { lineOccStart[Int(l) + 1] += 1 }
        for l in 0..<lineCount { lineOccStart[l + 1] += lineOccStart[l] }
        var lineFill = Array(lineOccStart.dropLast())
        var lineOccs = [UInt32](repeating: 0, count: occLine.count)
        for (occ, l) in occLine.enumerated() {
            lineOccs[Int(lineFill[Int(l)])] = UInt32(occ)
            lineFill[Int(l)] += 1
        }

        return IndexTables(
            wordStart: Packed(wordStart), wordBytes: ByteRegion(wordBytes),
            postStart: Packed(postStart), postings: Packed(postings),
            tokenStart: Packed(tokenStart), tokens: Packed(tokens),
            lineOccStart: Packed(lineOccStart), lineOccs: Packed(lineOccs),
            rawStart: Packed(rawLines.starts.map { UInt64($0) }), rawBytes: ByteRegion(rawLines.blob),
            rawTokenStart: Packed(rawTokenStart), rawTokenSpans: Packed(rawTokenSpans),
            unitOccStart: Packed(unitOccStart), occLine: Packed(occLine), occRaw: Packed(occRaw), occScalar: Packed(occScalar),
            unitSectionStart: Packed(unitSectionStart), sectionScalar: Packed(sectionScalar), sectionLabel: Packed(sectionLabel),
            labelStart: Packed(labels.starts.map { UInt32(truncatingIfNeeded: $0) }), labelBytes: ByteRegion(labels.blob))
    }
}
