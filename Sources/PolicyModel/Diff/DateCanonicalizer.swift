/// Recognises a written date at a position and gives it as `YYYY-MM-DD`, so that a date whose
/// format changed between versions ("March 27, 2026" → "27 March 2026" → "2026-03-27") compares
/// equal. A different date stays different.
///
/// Formats: `2026-03-27`, `2026/3/27`, `2026.03.27`, `2026年3月27日`, `March 27, 2026`,
/// `Mar. 27th 2026`, `27 March 2026`, `27th of March, 2026`, `03/27/2026` (day first when the
/// first number is above 12), `27.03.2026`. English month names, full or abbreviated.
enum DateCanonicalizer {
    struct Match {
        var iso: String
        /// Scalars the date spans in the input.
        var length: Int
    }

    /// The date starting at `start` and ending by `end` (exclusive), if there is one.
    static func match(_ s: [Unicode.Scalar], at start: Int, end: Int? = nil) -> Match? {
        let limit = min(end ?? s.count, s.count)
        guard start < limit else { return nil }
        if start > 0, isAlnum(s[start - 1]) { return nil }
        if isDigit(s[start]) {
            return numericFirst(Cursor(s: s, end: limit, i: start))
        }
        if isLetter(s[start]), monthInitials.contains(s[start].value | 0x20) {
            return monthFirst(Cursor(s: s, end: limit, i: start))
        }
        return nil
    }

    // MARK: patterns

    private static func numericFirst(_ cursor: Cursor) -> Match? {
        var c = cursor
        let start = c.i
        guard let first = c.number(maxDigits: 4) else { return nil }
        let firstDigits = c.i - start
        if firstDigits == 4 {
            // 2026-03-27, 2026/3/27, 2026.03.27, 2026年3月27日
            if c.take("年") {
                c.spaces()
                guard let m = c.number(maxDigits: 2), c.take("月") else { return nil }
                c.spaces()
                guard let d = c.number(maxDigits: 2), c.take("日") else { return nil }
                return make(first, m, d, start, c)
            }
            guard let sep = c.peek, sep == "-" || sep == "/" || sep == "." else { return nil }
            c.i += 1
            guard let m = c.number(maxDigits: 2), c.take(sep), let d = c.number(maxDigits: 2) else { return nil }
            return make(first, m, d, start, c)
        }
        guard firstDigits <= 2 else { return nil }
        // 03/27/2026, 27.03.2026
        if let sep = c.peek, sep == "/" || sep == "." {
            var n = c
            n.i += 1
            if let second = n.number(maxDigits: 2), n.take(sep), let year = n.number(maxDigits: 4), n.i - n.lastStart == 4 {
                if sep == "." { return make(year, second, first, start, n) }
                return first > 12 ? make(year, second, first, start, n) : make(year, first, second, start, n)
            }
        }
        // 27 March 2026, 27th of March, 2026
        c.ordinalSuffix()
        guard c.spaces() else { return nil }
        if c.word()?.lowercased() == "of" { guard c.spaces() else { return nil } } else { c.i = c.lastWordStart }
        guard let month = c.month() else { return nil }
        _ = c.take(",")
        guard c.spaces(), let year = c.number(maxDigits: 4), c.i - c.lastStart == 4 else { return nil }
        return make(year, month, first, start, c)
    }

    private static func monthFirst(_ cursor: Cursor) -> Match? {
        var c = cursor
        let start = c.i
        guard let month = c.month(), c.spaces(), let day = c.number(maxDigits: 2) else { return nil }
        c.ordinalSuffix()
        _ = c.take(",")
        guard c.spaces(), let year = c.number(maxDigits: 4), c.i - c.lastStart == 4 else { return nil }
        return make(year, month, day, start, c)
    }

    private static func make(_ y: Int, _ m: Int, _ d: Int, _ start: Int, _ c: Cursor) -> Match? {
        if c.i < c.end, isAlnum(c.s[c.i]) { return nil }
        guard let date = SimpleDate(year: y, month: m, day: d) else { return nil }
        return Match(iso: date.description, length: c.i - start)
    }

    /// First letters of month names, lowercase (a cheap test before reading a word).
    static let monthInitials: Set<UInt32> = Set("jfmasond".unicodeScalars.map(\.value))

    static let months: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var table: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            table[name] = i + 1
            table[String(name.prefix(3))] = i + 1
        }
        table["sept"] = 9
        return table
    }()

    struct Cursor {
        let s: [Unicode.Scalar]
        let end: Int
        var i: Int
        var lastStart = 0
        var lastWordStart = 0

        var peek: Unicode.Scalar? { i < end ? s[i] : nil }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard peek == scalar else { return false }
            i += 1
            return true
        }

        mutating func number(maxDigits: Int) -> Int? {
            lastStart = i
            var value = 0
            while i < end, isDigit(s[i]), i - lastStart < maxDigits {
                value = value * 10 + Int(s[i].value - 48)
                i += 1
            }
            if i == lastStart || (i < end && isDigit(s[i])) { return nil }
            return value
        }

        /// At least one space (or a no-break space); false when there is none.
        @discardableResult
        mutating func spaces() -> Bool {
            let from = i
            while i < end, s[i] == " " || s[i] == "\u{A0}" || s[i] == "\t" { i += 1 }
            return i > from
        }

        mutating func word() -> String? {
            lastWordStart = i
            var out = String.UnicodeScalarView()
            while i < end, isLetter(s[i]) { out.append(s[i]); i += 1 }
            return out.isEmpty ? nil : String(out)
        }

        mutating func month() -> Int? {
            guard let w = word(), let m = DateCanonicalizer.months[w.lowercased()] else { return nil }
            _ = take(".")
            return m
        }

        mutating func ordinalSuffix() {
            let save = i
            if let w = word(), ["st", "nd", "rd", "th"].contains(w.lowercased()) { return }
            i = save
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
    static func isLetter(_ s: Unicode.Scalar) -> Bool { (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
    static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isLetter(s) || isDigit(s) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
