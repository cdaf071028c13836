import Foundation

/// A calendar date `YYYY-MM-DD`, validated, ordered, and printed the same way.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The same day `n` months later (earlier when negative), on the month's last day when it
    /// has fewer days; the nearest date in range past the years dates may have.
    public func addingMonths(_ n: Int) -> SimpleDate {
        let index = year * 12 + (month - 1) + n
        let y = index / 12, m = index % 12 + 1
        return SimpleDate(year: y, month: m, day: min(day, Self.days(inMonth: m, of: y))) ?? SimpleDate(dayNumber: dayNumber + 30 * n)
    }

    /// The number of days of a month (1–12) of a year of the Gregorian calendar.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Today's date in UTC.
    public static func today() -> SimpleDate {
        SimpleDate(dayNumber: Int(time(nil)) / 86_400)
    }

    /// The date `days` days after 1970-01-01.
    public init(dayNumber days: Int) {
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        // The algorithm yields a valid civil date, so the unchecked init holds its invariant.
        self.init(checkedYear: y, month: m, day: d)
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        // Written digit by digit: dates are printed once per search hit.
        guard (0...9999).contains(year) else {
            let s = String(year)
            return s + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
        }
        let digit = { (n: Int) in UInt8(ascii: "0") + UInt8(truncatingIfNeeded: n % 10) }
        let bytes: [UInt8] = [digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), UInt8(ascii: "-"),
                              digit(month / 10), digit(month), UInt8(ascii: "-"), digit(day / 10), digit(day)]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Days since 1970-01-01, for distances between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
