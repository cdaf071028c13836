import Testing
@testable import Browser
import PolicyModel

/// The reader's `]` / `[`: quotes that overlap are one stop, both directions visit the same
/// stops, and the counter counts stops.
@Suite("Passage stops")
struct PassageStopsTests {
    static func passage(_ start: Int, _ end: Int, _ question: String) -> QuotedPassage {
        QuotedPassage(start: start, end: end, section: nil, cite: VerdictRef(vendor: "acme", surface: "consumer", question: question), evidenceIndex: 0)
    }

    // 10..40 quoted by three verdicts (two the same passage, one inside it), 40..50 touching
    // but not overlapping, 60..90 and 80..100 overlapping.
    static let passages = [
        passage(10, 40, "a"), passage(10, 40, "b"), passage(20, 30, "c"),
        passage(40, 50, "d"), passage(80, 100, "f"), passage(60, 90, "e"),
    ]

    @Test func overlappingQuotesAreOneStop() {
        let stops = PassageStops(Self.passages)
        #expect(stops.count == 3)
        #expect(stops.stops.map { $0.map(\.cite.question) } == [["a", "b", "c"], ["d"], ["e", "f"]])
        #expect(stops.index(at: 25) == 0)
        #expect(stops.index(at: 40) == 1)
        #expect(stops.index(at: 95) == 2)
        #expect(stops.index(at: 55) == nil)
    }

    @Test func forwardAndBackwardVisitTheSameStops() {
        let stops = PassageStops(Self.passages)
        var current: Range<Int>? = nil
        var forward: [Int] = []
        for _ in 0..<4 {
            let i = stops.next(current: current, offset: -1)
            forward.append(i)
            current = stops.passage(i).start..<stops.passage(i).end
        }
        #expect(forward == [0, 1, 2, 0], "wraps after the last stop")
        var backward: [Int] = []
        for _ in 0..<4 {
            let i = stops.previous(current: current, offset: 0)
            backward.append(i)
            current = stops.passage(i).start..<stops.passage(i).end
        }
        #expect(backward == [2, 1, 0, 2])
    }

    @Test func fromAQuoteInsideAStopTheNextStopFollows() {
        let stops = PassageStops(Self.passages)
        // Opened at verdict c's quote (inside the first stop): `]` goes to the second stop, `[` to the last.
        #expect(stops.next(current: 20..<30, offset: 20) == 1)
        #expect(stops.previous(current: 20..<30, offset: 20) == 2)
        // No current quote: from the top of the screen.
        #expect(stops.next(current: nil, offset: 45) == 2)
        #expect(stops.previous(current: nil, offset: 45) == 1)
    }

    /// DeepSeek's Terms of Use, where several verdicts quote §4.3.
    @Test(.enabled(if: TestCatalog.sampleExists, "needs ../shared/ota/sample beside the package"))
    func theReaderCountsPassagesTheSameBothWaysInARealDocument() throws {
        var s = try Session(model: TestCatalog.model(sample: true), width: 100, height: 30, at: "deepseek/terms-of-service")
        var forward: [String] = []
        for _ in 0..<40 {
            s.type("]")
            let message = s.state.message ?? ""
            if forward.first == message { break }
            forward.append(message)
        }
        let total = forward.count
        let quotes = TestCatalog.withSample.vendors.flatMap(\.verdicts).flatMap(\.evidence).filter { $0.vendor == "deepseek" && $0.document == "terms-of-service" }.count
        #expect(total > 1 && total < quotes, "\(total) stops for \(quotes) quotes")
        #expect(forward.enumerated().allSatisfy { $0.element.hasPrefix("passage \($0.offset + 1)/\(total)") }, "\(forward)")
        var backward: [String] = []
        for _ in 0..<total {
            s.type("[")
            backward.append(s.state.message ?? "")
        }
        // From the first stop again: back to the last, and down to the first.
        #expect(backward == Array(forward.reversed()), "\(backward)")
    }
}
