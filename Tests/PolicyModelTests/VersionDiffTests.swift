import Foundation
import Testing
@testable import PolicyModel

@Suite("Myers diff")
struct MyersDiffTests {
    /// Applies the runs to `a` and checks the result is `b`; returns the number of edited elements.
    func replay(_ a: [Int], _ b: [Int], _ runs: [DiffRun]) -> Int {
        var out: [Int] = []
        var edits = 0
        var oldPos = 0, newPos = 0
        for run in runs {
            #expect(run.oldStart == oldPos && run.newStart == newPos)
            switch run.kind {
            case .equal:
                #expect(Array(a[run.oldRange]) == Array(b[run.newRange]))
                out += a[run.oldRange]
            case .delete: edits += run.count
            case .insert: out += b[run.newRange]; edits += run.count
            }
            oldPos = run.oldRange.upperBound
            newPos = run.newRange.upperBound
        }
        #expect(out == b)
        return edits
    }

    func lcs(_ a: [Int], _ b: [Int]) -> Int {
        var t = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : max(t[i + 1][j], t[i][j + 1])
            }
        }
        return t[0][0]
    }

    @Test func edgeCases() {
        #expect(MyersDiff.diff([], []).isEmpty)
        #expect(replay([], [1, 2], MyersDiff.diff([], [1, 2])) == 2)
        #expect(replay([1, 2], [], MyersDiff.diff([1, 2], [])) == 2)
        #expect(replay([1, 2, 3], [1, 2, 3], MyersDiff.diff([1, 2, 3], [1, 2, 3])) == 0)
    }

    @Test func minimalOnRandomSequences() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<300 {
            let a = (0..<Int(rng.next() % 40)).map { _ in Int(rng.next() % 5) }
            let b = (0..<Int(rng.next() % 40)).map { _ in Int(rng.next() % 5) }
            let edits = replay(a, b, MyersDiff.diff(a, b))
            #expect(edits == a.count + b.count - 2 * lcs(a, b), "a=\(a) b=\(b)")
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite("Version diffs")
struct VersionDiffTests {
    func changes(_ old: String, _ new: String, raw: Bool = false) -> [TextChange] {
        VersionDiff.changes(old: DiffSide(text: old), new: DiffSide(text: new), raw: raw)
    }

    static let base = """
    Acme Privacy Policy
    ===================

    Last updated: March 27, 2026

    ## Retention

    We keep your **Inputs** for 30 days. See [our guide](https://acme.example/guide) or https://acme.example/help?id=4&utm_source=news for details.

    * Chat history
    * Uploaded files

    4.3 We may use Inputs to improve the Services.
    """

    @Test func aVersionAgainstItselfHasNoChange() {
        #expect(changes(Self.base, Self.base).isEmpty)
        #expect(changes(Self.base, Self.base, raw: true).isEmpty)
    }

    @Test func noiseIsFilteredAndShownWithRaw() {
        let noisy = """
        # Acme Privacy Policy

        Last updated: 27 March 2026

        Retention
        ---------

        We keep your _Inputs_ for 30
        days. See [our guide](https://acme.example/guide?session=9&ref=x) or https://acme.example/help?id=4&utm_source=mail&utm_medium=email&fbclid=abc for details.

        -   Chat history
        -   Uploaded files

        4.3   We may use Inputs to improve the Services.
        """
        #expect(changes(Self.base, noisy).isEmpty, "\(changes(Self.base, noisy))")
        #expect(!changes(Self.base, noisy, raw: true).isEmpty)
    }

    @Test func eachKindOfNoiseAlone() {
        let variants = [
            Self.base.replacingOccurrences(of: "* Chat history", with: "*   Chat history"),
            Self.base.replacingOccurrences(of: "* Chat history\n* Uploaded files", with: "- Chat history\n- Uploaded files"),
            Self.base.replacingOccurrences(of: "utm_source=news", with: "utm_campaign=x&gclid=1"),
            Self.base.replacingOccurrences(of: "utm_source=news", with: "sid=0f8e2b8c-5ee5-4470-8c3b-df595e9a4ea2"),
            Self.base.replacingOccurrences(of: "(https://acme.example/guide)", with: "(https://acme.example/guide?v=2)"),
            Self.base.replacingOccurrences(of: "30 days", with: "30\u{2060} days"),
            Self.base.replacingOccurrences(of: "March 27, 2026", with: "2026-03-27"),
            Self.base.replacingOccurrences(of: "March 27, 2026", with: "2026年3月27日"),
            Self.base.replacingOccurrences(of: "**Inputs**", with: "*Inputs*"),
            Self.base.replacingOccurrences(of: "We keep your **Inputs** for 30 days.", with: "We keep your **Inputs**\nfor 30 days."),
        ]
        for v in variants {
            #expect(changes(Self.base, v).isEmpty, "noise reported as a change: \(changes(Self.base, v).map(\.spans))")
            #expect(!changes(Self.base, v, raw: true).isEmpty)
        }
    }

    @Test func realChangesAreWordLevelAndBySection() throws {
        let edited = Self.base
            .replacingOccurrences(of: "for 30 days", with: "for 90 days")
            .replacingOccurrences(of: "March 27, 2026", with: "April 2, 2026")
        let found = changes(Self.base, edited)
        #expect(found.count == 2)
        let retention = try #require(found.first { $0.section == "Retention" })
        #expect(retention.kind == .changed)
        #expect(retention.spans.filter { $0.op == .removed }.map { $0.text.trimmingCharacters(in: .whitespaces) } == ["30"])
        #expect(retention.spans.filter { $0.op == .added }.map { $0.text.trimmingCharacters(in: .whitespaces) } == ["90"])
        let date = try #require(found.first { $0.newText?.contains("April") == true })
        #expect(date.spans.contains { $0.op == .removed && $0.text.contains("March 27, 2026") })
    }

    @Test func addedAndRemovedParagraphs() {
        let added = Self.base + "\n\n4.4 We keep Outputs for a year.\n"
        let a = changes(Self.base, added)
        #expect(a.count == 1 && a.first?.kind == .added && a.first?.section == "4.4")
        let removed = changes(added, Self.base)
        #expect(removed.count == 1 && removed.first?.kind == .removed)
        #expect(removed.first?.oldText == "4.4 We keep Outputs for a year.")
    }

    @Test func chineseIsComparedCharacterByCharacter() throws {
        let old = "4.3 我们可能会将输入用于改进服务。\n"
        let new = "4.3 我们不会将输入用于改进服务。\n"
        let change = try #require(changes(old, new).first)
        #expect(change.kind == .changed && change.section == "4.3")
        #expect(change.spans.filter { $0.op == .removed }.map(\.text) == ["可能"])
        #expect(change.spans.filter { $0.op == .added }.map(\.text) == ["不"])
    }

    /// `*` is noise: the marked text a diff shows has none, the spans keep the raw text.
    @Test func markedTextDropsEmphasisMarks() throws {
        let change = try #require(changes("1. Services are offered.\n", "1.**Our Services** are offered.\n").first)
        let shown = WdiffMarks.marked(change.spans).map(\.text).joined()
        #expect(shown == "1.{+Our+} Services are offered.", "\(change.spans)")
        #expect(change.spans.map(\.text).joined().contains("**"))
        #expect(WdiffMarks.marked("**Bold** text", .added) == "{+Bold text+}")
    }

    /// A link's markup is noise too: a changed date just before a link is marked alone, and the
    /// link reads as its text (Anthropic's privacy policy, "Effective 28 August 2025[Previous
    /// Version](…)").
    @Test func markedTextShowsLinksAsTheirText() throws {
        let change = try #require(changes("Effective 28 August 2025[Previous Version](https://example.com/a)\n",
                                          "Effective July 8, 2026[Previous Version](https://example.com/b)\n").first)
        let shown = WdiffMarks.marked(change.spans).map(\.text).joined()
        #expect(shown == "Effective [-28 August 2025-]{+July 8, 2026+}Previous Version", "\(change.spans)")
        #expect(WdiffMarks.marked([DiffSpan(.equal, "see [the "), DiffSpan(.added, "new "), DiffSpan(.equal, "policy](https://x.y/z) and [1] ")])
            .map(\.text).joined() == "see the {+new+} policy and [1] ", "a link across spans; a bracket that is no link stays")
    }

    @Test func lineBreakTagsBecomeTheSeparator() {
        #expect("Identity<br>*   Contact<BR />Data<br/>".replacingLineBreakTags(with: "\n") == "Identity\n*   Contact\nData\n")
        #expect("a < b <brx>".replacingLineBreakTags(with: "\n") == "a < b <brx>")
    }

    /// Two versions of a clause side by side: the same words differ as in the changed
    /// paragraph's spans, as ranges of each text; a date written another way is noise, not a
    /// difference.
    @Test func differingWordsAreRangesOfEachText() {
        let old = "Last updated: March 27, 2026\n\nYou can opt out in Settings. 我们可能会将输入用于改进服务。"
        let new = "Last updated: 2026-03-27\n\nYou may contact us to object in Settings. 我们不会将输入用于改进服务。"
        let found = VersionDiff.differingWords(old: old, new: new)
        func texts(_ s: String, _ ranges: [Range<Int>]) -> [String] {
            let scalars = Array(s.unicodeScalars)
            return ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
        }
        #expect(texts(old, found.old) == ["can opt out", "可能"])
        #expect(texts(new, found.new) == ["may contact us to object", "不"])
        #expect(VersionDiff.differingWords(old: old, new: old) == ([], []))
    }

    @Test func offsetsPointAtTheParagraphsInEachVersion() throws {
        let edited = Self.base.replacingOccurrences(of: "improve the Services", with: "train models")
        let change = try #require(changes(Self.base, edited).first)
        let old = Array(Self.base.unicodeScalars), new = Array(edited.unicodeScalars)
        let oldRange = try #require(change.oldRange), newRange = try #require(change.newRange)
        #expect(String(String.UnicodeScalarView(old[oldRange])) == change.oldText)
        #expect(String(String.UnicodeScalarView(new[newRange])) == change.newText)
    }

    @Test func datesAreRecognisedInTheirCommonForms() {
        let forms = ["2026-03-27", "2026/3/27", "March 27, 2026", "Mar. 27th 2026", "27 March 2026", "27th of March, 2026",
                     "03/27/2026", "27.03.2026", "2026年3月27日"]
        for form in forms {
            let s = Array(form.unicodeScalars)
            #expect(DateCanonicalizer.match(s, at: 0)?.iso == "2026-03-27", "\(form)")
            #expect(DateCanonicalizer.match(s, at: 0)?.length == s.count, "\(form)")
        }
        #expect(DateCanonicalizer.match(Array("4.3 We".unicodeScalars), at: 0) == nil)
        #expect(DateCanonicalizer.match(Array("May we".unicodeScalars), at: 0) == nil)
    }

    @Test func trackingParametersAreTheOnlyPartOfALinkDropped() {
        #expect(NoiseFilter.isTracking("utm_source") && NoiseFilter.isTracking("fbclid") && NoiseFilter.isTracking("_gl"))
        #expect(!NoiseFilter.isTracking("id") && !NoiseFilter.isTracking("lang"))
        let other = Self.base.replacingOccurrences(of: "help?id=4", with: "help?id=5")
        #expect(changes(Self.base, other).count == 1)
    }
}

@Suite("Version histories")
struct VersionHistoryTests {
    @Test func eachVersionIsRealNoiseRepeatedOrIdentical() throws {
        var files = MinimalLayer.files
        let text = MinimalLayer.text
        files["vendors/acme/documents/terms/2026-02-01.md"] = text.replacingOccurrences(of: "4.4 We keep", with: "4.4   We keep")
        files["vendors/acme/documents/terms/2026-03-01.md"] = text.replacingOccurrences(of: "4.4 We keep", with: "4.4   We keep")
        files["vendors/acme/documents/terms/2026-04-01.md"] = text.replacingOccurrences(of: "30 days", with: "60 days")
        files["vendors/acme/documents/terms/2026-05-01.md"] = text + "\n"  // back to the first text
        let fixture = try Fixture(files)
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        let doc = try #require(catalog.document("acme/terms"))
        let steps = catalog.history(of: doc)
        #expect(steps.map(\.status) == [.first, .noise, .identical, .real, .repeated])
        #expect(steps[3].changed == 1)
        // Worked out on every core, document by document: the same steps.
        let together = catalog.histories(of: [doc, doc])
        #expect(together.count == 2 && together.allSatisfy { $0.map(\.status) == steps.map(\.status) })
    }

    /// The blocks taken from the last versions' memo are those worked out afresh: same bounds,
    /// keys and tokens (offsets in this version), in raw and canonical mode, through a flip to
    /// an error page and back, moved paragraphs, a date written another way and reflowed lines.
    @Test(arguments: [false, true])
    func blocksFromTheMemoAreThoseWorkedOutAfresh(_ raw: Bool) {
        let base = MinimalLayer.text
        let versions = [
            base,
            "Last updated: March 27, 2026\n\n" + base.replacingOccurrences(of: "30 days", with: "60 days"),
            "# This page isn't available\n\nTry again later.\n",
            "Last updated: 2026-03-27\n\n" + base.replacingOccurrences(of: "30 days", with: "60 days"),
            "Intro line\n  continued here\n\n---\n\n" + base + "\n\nIntro line\n  continued here\n",
        ]
        func shown(_ blocks: [DiffBlock]) -> [String] {
            blocks.map { b in "\(b.start)-\(b.end) #\(b.key) " + b.tokens.map { "\($0.id)@\($0.start)-\($0.end)" }.joined(separator: " ") }
        }
        var interner = Interner()
        var memo = BlockMemo()
        var hits: [Int] = []
        for text in versions {
            let side = DiffSide(text: text, withSections: false)
            let fresh = DiffBlocks.blocks(side, raw: raw, interner: &interner)
            let before = memo.hits
            let memoed = DiffBlocks.blocks(side, raw: raw, interner: &interner, memo: &memo)
            memo.nextVersion()
            #expect(!fresh.isEmpty)
            #expect(shown(memoed) == shown(fresh))
            hits.append(memo.hits - before)
        }
        // The first version has nothing to take; the error page little; the text after it is
        // taken from the version before the error page.
        #expect(hits[0] == 0)
        #expect(hits[1] > 3 && hits[3] > 3 && hits[4] > 3, "\(hits)")
    }
}

@Suite("Evidence drift in diffs")
struct DiffEvidenceTests {
    /// The drift status `diff` gives a quote pinned to the old version, and the one `check` gives.
    func statuses(old: String, new: String, quote: String) throws -> (diff: DriftStatus, check: EvidenceStatus) {
        let pinned = MinimalLayer.verdicts
            .replacingOccurrences(of: "We may use Inputs to improve the Services.", with: quote)
            .replacingOccurrences(of: "quote: ", with: "version: 2026-01-01\n        quote: ")
        let fixture = try Fixture(MinimalLayer.files.merging([
            "vendors/acme/documents/terms/2026-01-01.md": old,
            "vendors/acme/documents/terms/2026-06-01.md": new,
            "vendors/acme/verdicts.yaml": pinned,
        ]) { $1 })
        defer { fixture.remove() }
        let catalog = fixture.catalog()
        let doc = try #require(catalog.document("acme/terms"))
        let texts = try doc.versions.map { try catalog.text(of: $0).get() }
        let drift = catalog.evidenceDrift(of: doc, old: texts[0], new: texts[1])
        #expect(drift.count == 1)
        let check = try #require(catalog.check(strict: true).resolved.first?.status)
        return (try #require(drift.first?.status), check)
    }

    let quote = "We may use Inputs and Outputs to develop and improve the Services."
    let old = "## 4. Content\n\n4.3 We may use Inputs and Outputs to develop and improve the Services.\n"

    @Test func editedSentenceIsChangedInBothCheckAndDiff() throws {
        let new = "## 4. Content\n\n4.3 We may use Inputs and Outputs to develop, train and improve the Services.\n"
        let s = try statuses(old: old, new: new, quote: quote)
        #expect(s.diff == .changed)
        #expect(s.check == .changed)
    }

    @Test func still() throws {
        let s = try statuses(old: old, new: old + "\n4.9 New clause.\n", quote: quote)
        #expect(s.diff == .still && s.check == .still)
    }

    @Test func moved() throws {
        let new = "## 4. Content\n\n4.1 Intro.\n\n5.2 We may use Inputs and Outputs to develop and improve the Services.\n"
        let s = try statuses(old: old, new: new, quote: quote)
        #expect(s.diff == .moved && s.check == .moved)
    }

    @Test func gone() throws {
        let new = "## 4. Content\n\n4.3 Completely different wording about payment schedules and refunds.\n"
        let s = try statuses(old: old, new: new, quote: quote)
        #expect(s.diff == .gone && s.check == .gone)
    }
}
