import PolicyModel

/// Which recorded versions the changes view lists: by default the real changes since the last
/// look (and older unseen ones); widened, those since a date, with noise too if asked (as
/// `termlens changes --since` / `--all`).
struct ChangeWindow: Hashable, Sendable {
    /// The first day listed; nil: the last look's window.
    var since: SimpleDate?
    /// Versions that change only noise, repeat an earlier text or are identical, too.
    var noise = false

    /// The cache key of a widened window; nil for the last look's (kept apart: it is worked out
    /// in the background at start and counts the unseen changes).
    var key: String? { since == nil && !noise ? nil : "\(since?.description ?? "look")|\(noise)" }

    /// A month before `since` (or before `base`, the last look's window start, else today).
    func monthEarlier(than base: SimpleDate?) -> ChangeWindow {
        var w = self
        w.since = (since ?? base ?? .today()).addingMonths(-1)
        return w
    }

    /// A month after `since`; back to the last look's window once it reaches `base`.
    func monthLater(base: SimpleDate?) -> ChangeWindow {
        var w = self
        guard let since else { return w }
        let next = since.addingMonths(1)
        w.since = next >= (base ?? .today()) ? nil : next
        return w
    }
}
