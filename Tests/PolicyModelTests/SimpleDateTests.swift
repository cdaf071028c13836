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
}
