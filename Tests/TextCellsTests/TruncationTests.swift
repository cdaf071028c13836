import Testing
@testable import TextCells

@Suite struct TruncationTests {
    @Test(arguments: [
        ("Terms of Service", 8, "Terms o…"),
        ("Terms of Service", 16, "Terms of Service"),
        ("中文中文", 5, "中文…"),
        ("中文中文", 4, "中…"),
        ("中文中文", 1, "…"),
        ("abc", 0, ""),
        ("a\u{1B}[0mb", 3, "a␛…"),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
    ])
    func truncatesByCells(_ text: String, _ width: Int, _ expected: String) {
        let out = text.truncated(toWidth: width)
        #expect(out == expected)
        #expect(out.cellWidth() <= width)
    }

    @Test func truncatesFromTheStart() {
        #expect("abcdef".truncated(toWidth: 4, side: .start) == "…def")
        #expect("服务条款".truncated(toWidth: 5, side: .start) == "…条款")
    }

    @Test func padsToExactWidth() {
        #expect("中a".padded(toWidth: 5) == "中a  ")
        #expect("中文中文".padded(toWidth: 5).cellWidth() == 5)
        #expect("中文中文".padded(toWidth: 4) == "中… ")
    }

    @Test func ellipsisWidthFollowsThePolicy() {
        #expect("abcdef".truncated(toWidth: 4, policy: .eastAsian) == "ab…")
    }
}
