import Testing
@testable import PolicyModel

@Suite("How old a page says it is is noise")
struct RelativeAgeTests {
    func changes(_ old: String, _ new: String, raw: Bool = false) -> [TextChange] {
        VersionDiff.changes(old: DiffSide(text: old), new: DiffSide(text: new), raw: raw)
    }

    /// As OpenAI's Usage Policies page carries it between two questions.
    func page(_ age: String) -> String {
        """
        How do I opt out of training?
        =============================

        \(age)

        Turn off "Improve the model for everyone" in Data Controls.
        """
    }

    @Test func aNewAgeIsNoChange() {
        // The same label with another age, in every form.
        let pairs = [("Updated: 7 days ago", "Updated: 22 days ago"), ("Updated: 22 hours ago", "Updated: 5 days ago"),
                     ("Updated: an hour ago", "Updated: 3 hours ago"), ("Last updated 2 weeks ago", "Last updated 1 month ago"),
                     ("Last updated on 3 months ago", "Last updated on 4 months ago"), ("**Updated:** 1 year ago", "**Updated:** 2 years ago"),
                     ("Posted 5 minutes ago", "Posted 1 minute ago"), ("3 天前更新", "10 天前更新"), ("更新于 2 小时前", "更新于 3 天前"),
                     ("最后更新时间：两周前", "最后更新时间：1个月前"), ("1个月前修改", "2个月前修改"),
                     ("Updated: 15 days ago", "Updated: yesterday"), ("Updated: today", "Updated: just now"), ("昨天更新", "3 天前更新"),
                     ("更新于：刚刚", "更新于：今天")]
        for (old, new) in pairs {
            #expect(changes(page(old), page(new)).isEmpty, "\(old) → \(new): \(changes(page(old), page(new)).map(\.spans))")
            #expect(!changes(page(old), page(new), raw: true).isEmpty, "\(old) → \(new) under --raw")
        }
    }

    @Test func anAgeInAClauseOrWithoutALabelIsText() {
        let clause = "Refunds are given for credits bought more than 24 hours ago, or unused."
        #expect(changes(clause, clause.replacingOccurrences(of: "24 hours", with: "48 hours")).count == 1)
        #expect(changes(page("7 days ago"), page("22 days ago")).count == 1)
        // "mention" ends in "on", but is no label.
        #expect(changes(page("We mention 3 days ago"), page("We mention 4 days ago")).count == 1)
        #expect(changes(page("他在 3 天前说"), page("他在 4 天前说")).count == 1)
        // The label itself is still compared.
        #expect(changes(page("Updated: 7 days ago"), page("Published: 7 days ago")).count == 1)
        #expect(changes(page("See you today"), page("See you yesterday")).count == 1)
        #expect(changes(page("Updated: 7 days"), page("Updated: 8 days")).count == 1)
    }

    @Test func theAgeSpansWhatItSays() {
        func length(_ line: String, at offset: Int) -> Int? {
            let s = Array(line.unicodeScalars)
            return RelativeAge.match(s, at: offset, lineStart: 0, end: s.count)
        }
        #expect(length("Updated: 7 days ago", at: 9) == 10)
        #expect(length("Last updated an hour ago.", at: 13) == 11)
        #expect(length("3 天前更新", at: 0) == 4)
        #expect(length("更新于两周前", at: 3) == 3)
        #expect(length("Updated: 7 days", at: 9) == nil)
        #expect(length("Updated: 7 fortnights ago", at: 9) == nil)
        #expect(RelativeAge.mayOccur(Array("Nothing here.".unicodeScalars), 0, 13) == false)
    }
}
