/// The quoted passages of a version as the reader's `]` and `[` step through them. Quotes whose
/// text overlaps (several verdicts citing one passage) are highlighted as one, so they are one
/// stop: both directions visit the same stops, and the counter (`passage 6/15`) counts stops.
struct PassageStops {
    /// The passages of each stop, in text order; the first is the one a step makes current.
    let stops: [[QuotedPassage]]

    init(_ passages: [QuotedPassage]) {
        var stops: [[QuotedPassage]] = []
        var end = Int.min
        let ordered = passages.enumerated().sorted { ($0.element.start, $0.element.end, $0.offset) < ($1.element.start, $1.element.end, $1.offset) }
        for p in ordered.map(\.element) {
            if !stops.isEmpty && p.start < end {
                stops[stops.count - 1].append(p)
                end = max(end, p.end)
            } else {
                stops.append([p])
                end = p.end
            }
        }
        self.stops = stops
    }

    var count: Int { stops.count }
    var isEmpty: Bool { stops.isEmpty }

    /// The passage a step to stop `i` makes current.
    func passage(_ i: Int) -> QuotedPassage { stops[i][0] }

    /// The stop holding raw offset `offset`, if any.
    func index(at offset: Int) -> Int? {
        stops.firstIndex { stop in stop[0].start <= offset && offset < (stop.map(\.end).max() ?? 0) }
    }

    /// The stop after the current passage (from the stop holding it), else the first one
    /// starting after `offset`; past the last, the first.
    func next(current: Range<Int>?, offset: Int) -> Int {
        if let current, let i = index(at: current.lowerBound) { return (i + 1) % count }
        return stops.firstIndex { $0[0].start > offset } ?? 0
    }

    /// The stop before the current passage, else the last one starting before `offset`;
    /// before the first, the last.
    func previous(current: Range<Int>?, offset: Int) -> Int {
        if let current, let i = index(at: current.lowerBound) { return (i + count - 1) % count }
        return stops.lastIndex { $0[0].start < offset } ?? count - 1
    }
}
