import Foundation
import Testing
@testable import PolicyModel

@Suite("Dates")
struct SimpleDateTests {
    /// Written digit by digit, a date reads as ISO 8601 and parses back to itself.
    @Test func everyDayOfFourCenturiesPrintsAndParsesBack() throws {
        let first = try #require(SimpleDate(year: 1900, month: 1, day: 1)).dayNumber
        let last = try #require(SimpleDate(year: 2300, month: 12, day: 31)).dayNumber
        for n in first...last {
            let date = SimpleDate(dayNumber: n)
            let text = date.description
            #expect(text == String(format: "%04d-%02d-%02d", date.year, date.month, date.day))
            #expect(SimpleDate(text) == date, "\(text)")
        }
        // A date past year 9999 (only arithmetic makes one) still prints in full.
        let far = SimpleDate(dayNumber: 4_000_000)
        #expect(far.year > 9999 && far.description == String(format: "%d-%02d-%02d", far.year, far.month, far.day))
    }

    /// A day is valid exactly when counting from the first of its month stays in that month
    /// (leap years by the Gregorian rule: 1900 and 2100 are not, 2000 and 2400 are).
    @Test func validDaysAreTheDaysOfTheMonth() throws {
        for year in [1900, 1999, 2000, 2023, 2024, 2100, 2400, 2999] {
            for month in 1...12 {
                let first = try #require(SimpleDate(year: year, month: month, day: 1)).dayNumber
                for day in 0...32 {
                    let valid = day >= 1 && SimpleDate(dayNumber: first + day - 1).month == month
                    #expect((SimpleDate(year: year, month: month, day: day) != nil) == valid, "\(year)-\(month)-\(day)")
                }
            }
        }
        #expect(SimpleDate(year: 1899, month: 12, day: 31) == nil)
        #expect(SimpleDate(year: 2026, month: 13, day: 1) == nil)
    }
}
