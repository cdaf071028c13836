/// Recognises how old a page says it is, relative to the day it was read ("Updated: 3 days ago",
/// "Last updated 2 weeks ago", "Updated: yesterday", "3 天前更新", "更新于 2 小时前", "昨天更新"): the age changes with every
/// recording while the terms do not, so a version diff compares every such age as the same.
///
/// Only an age next to a word that says the page was updated, modified, revised, published,
/// posted or edited counts: "bought more than 24 hours ago" in a clause is text like any other.
enum RelativeAge {
    /// The age at `start`, at most up to `end`: how many scalars it spans.
    static func match(_ s: [Unicode.Scalar], at start: Int, lineStart: Int, end: Int) -> Int? {
        let limit = min(end, s.count)
        guard start < limit, mayStartAge(s[start]) else { return nil }
        if let length = english(s, start, limit), labelledBefore(s, lineStart, start) { return length }
        if let length = chinese(s, start, limit),
           labelledBefore(s, lineStart, start) || chineseLabel(s, start + length, limit) { return length }
        return nil
    }

    /// Whether the line `s[lo..<hi]` has one of the labels at all (most lines have none: no age
    /// is looked for there). Every English label ends in `ed`; plain loops, as this runs on
    /// every line of every version compared.
    static func mayOccur(_ s: [Unicode.Scalar], _ lo: Int, _ hi: Int) -> Bool {
        var i = lo + 1
        while i < hi {
            let v = s[i].value
            if v | 0x20 == 0x64, s[i - 1].value | 0x20 == 0x65, endsWithEnglishLabel(s, lo, i + 1) { return true }
            if v >= 0x4E00, isChineseLabel(s[i - 1], s[i]) { return true }
            i += 1
        }
        return false
    }

    static let labelValues: [[UInt32]] = labels.map { $0.unicodeScalars.map(\.value) }

    /// Whether `s[..<end]` ends with an English label, in any letter case.
    private static func endsWithEnglishLabel(_ s: [Unicode.Scalar], _ lo: Int, _ end: Int) -> Bool {
        for label in labelValues where end - label.count >= lo {
            var k = 0
            while k < label.count && s[end - label.count + k].value | 0x20 == label[k] { k += 1 }
            if k == label.count { return true }
        }
        return false
    }

    /// 更新, 修改, 修订, 发布, 编辑 as the two scalars `a`, `b`.
    private static func isChineseLabel(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        switch (a, b) {
        case ("更", "新"), ("修", "改"), ("修", "订"), ("发", "布"), ("编", "辑"): return true
        default: return false
        }
    }

    /// An age starts with a digit, `a`, `an`, `one`, `yesterday`, `today`, `just`, a Chinese
    /// numeral, `昨`, `今` or `刚`.
    private static func mayStartAge(_ c: Unicode.Scalar) -> Bool {
        if DateCanonicalizer.isDigit(c) { return true }
        if c.isASCII { return [0x61, 0x6F, 0x79, 0x74, 0x6A].contains(c.value | 0x20) }
        return chineseNumerals.contains(c) || c == "昨" || c == "今" || c == "刚"
    }

    // MARK: English: "3 days ago", "an hour ago", "yesterday", "today", "just now"

    static let units: Set<String> = ["second", "minute", "hour", "day", "week", "month", "year"]
    static let labels: Set<String> = ["updated", "modified", "revised", "published", "posted", "edited"]

    private static func english(_ s: [Unicode.Scalar], _ start: Int, _ limit: Int) -> Int? {
        guard start == 0 || !DateCanonicalizer.isAlnum(s[start - 1]) else { return nil }
        var i = start
        guard let first = token(s, &i, limit) else { return nil }
        switch first.lowercased() {
        case "yesterday", "today": return i - start
        case "just":
            guard spaces(s, &i, limit), token(s, &i, limit)?.lowercased() == "now" else { return nil }
            return i - start
        default: break
        }
        guard ["a", "an", "one"].contains(first.lowercased()) || first.unicodeScalars.allSatisfy(DateCanonicalizer.isDigit) else { return nil }
        guard spaces(s, &i, limit), let unit = token(s, &i, limit)?.lowercased(),
              units.contains(unit.hasSuffix("s") ? String(unit.dropLast()) : unit),
              spaces(s, &i, limit), token(s, &i, limit)?.lowercased() == "ago" else { return nil }
        return i - start
    }

    /// A run of ASCII letters or digits at `i` (moved past it); nil when there is none.
    private static func token(_ s: [Unicode.Scalar], _ i: inout Int, _ limit: Int) -> String? {
        var out = String.UnicodeScalarView()
        while i < limit, DateCanonicalizer.isLetter(s[i]) || DateCanonicalizer.isDigit(s[i]) {
            out.append(s[i])
            i += 1
        }
        if i < limit, DateCanonicalizer.isAlnum(s[i]) { return nil }
        return out.isEmpty ? nil : String(out)
    }

    private static func spaces(_ s: [Unicode.Scalar], _ i: inout Int, _ limit: Int) -> Bool {
        let from = i
        while i < limit, MarkupNormalizer.isSpace(s[i]) { i += 1 }
        return i > from
    }

    // MARK: Chinese: "3 天前", "两周前", "1个月前", "昨天", "今天", "刚刚"

    static let chineseUnits = ["秒钟", "秒", "分钟", "小时", "个小时", "天", "日", "周", "星期", "个星期", "个月", "月", "年"]
    static let chineseNumerals: Set<Unicode.Scalar> = Set("一二两三四五六七八九十几半".unicodeScalars)
    static let chineseLabels = ["更新", "修改", "修订", "发布", "编辑"]

    private static func chinese(_ s: [Unicode.Scalar], _ start: Int, _ limit: Int) -> Int? {
        if let word = ["昨天", "今天", "刚刚"].first(where: { has($0, s, start, limit) }) { return word.unicodeScalars.count }
        var i = start
        while i < limit, DateCanonicalizer.isDigit(s[i]) || chineseNumerals.contains(s[i]) { i += 1 }
        guard i > start else { return nil }
        while i < limit, MarkupNormalizer.isSpace(s[i]) { i += 1 }
        guard let unit = chineseUnits.first(where: { has($0, s, i, limit) }) else { return nil }
        i += unit.unicodeScalars.count
        guard i < limit, s[i] == "前" else { return nil }
        return i + 1 - start
    }

    /// "更新", "修改"… right after the age ("3 天前更新").
    private static func chineseLabel(_ s: [Unicode.Scalar], _ at: Int, _ limit: Int) -> Bool {
        var i = at
        while i < limit, MarkupNormalizer.isSpace(s[i]) { i += 1 }
        return chineseLabels.contains { has($0, s, i, limit) }
    }

    private static func has(_ word: String, _ s: [Unicode.Scalar], _ at: Int, _ limit: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        return at + w.count <= limit && s[at..<(at + w.count)].elementsEqual(w)
    }

    // MARK: the label before: "Updated:", "Last updated on", "更新于：", "最后更新时间"

    /// Whether the words just before `start` on its line say the page was updated: one of the
    /// labels, then optionally `:`, `on`, `于`, `时间` and spaces.
    static func labelledBefore(_ s: [Unicode.Scalar], _ lineStart: Int, _ start: Int) -> Bool {
        var i = start
        func skipBack(_ ok: (Unicode.Scalar) -> Bool) { while i > lineStart, ok(s[i - 1]) { i -= 1 } }
        skipBack { MarkupNormalizer.isSpace($0) || $0 == ":" || $0 == "：" || $0 == "*" || $0 == "_" }
        for filler in ["on", "于", "时间", "時間"] where endsWith(filler, s, lineStart, i) {
            let before = i - filler.unicodeScalars.count
            // `on` as a word, not the end of one ("mention").
            if filler == "on", before > lineStart, DateCanonicalizer.isAlnum(s[before - 1]) { break }
            i = before
            skipBack { MarkupNormalizer.isSpace($0) || $0 == ":" || $0 == "：" }
            break
        }
        if chineseLabels.contains(where: { endsWith($0, s, lineStart, i) }) { return true }
        var from = i
        while from > lineStart, DateCanonicalizer.isLetter(s[from - 1]) { from -= 1 }
        return labels.contains(String(String.UnicodeScalarView(s[from..<i])).lowercased())
    }

    private static func endsWith(_ word: String, _ s: [Unicode.Scalar], _ lineStart: Int, _ end: Int) -> Bool {
        let w = Array(word.unicodeScalars)
        return end - w.count >= lineStart && s[(end - w.count)..<end].elementsEqual(w)
    }
}
