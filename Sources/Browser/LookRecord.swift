import Foundation
import PolicyModel

/// What the browser remembers between runs (`StateStore`, in `$XDG_STATE_HOME/termlens/`): the
/// newest version seen of each document and the last look. A real change is unseen until it is
/// viewed (its diff, or a first version itself) in the browser.
///
/// Which changes the browser lists: those recorded since the last look before this run (else
/// in the 30 days before it), and any older ones still unseen. A run pins each document it has
/// no record of at that start, so what it listed stays unseen in later runs until viewed, even
/// though the last look has moved on.
public final class LookRecord {
    private let store: StateStore?
    /// The remembered state, as this run changed it.
    private(set) var state: LookState
    /// Where the list of changes starts (a recording time): the last look before this run, else
    /// 30 days before it.
    let windowStart: String
    /// A problem with the state file, shown once in the status bar.
    private var problem: String?
    /// Where the browser was when a run before this one was closed (a TARGET).
    public private(set) var placeBefore: String?

    /// Remembers nothing and lists no change: for a browser opened without a history of looks.
    public convenience init() {
        // "~" sorts after every recording time: nothing is ever since it.
        self.init(store: nil, state: LookState(), windowStart: "~", problem: nil)
    }

    /// A state kept in memory only, for a run starting at `now` (ISO 8601, `2026-08-20T10:00:00Z`).
    public convenience init(state: LookState, now: String) {
        self.init(store: nil, state: state, windowStart: Catalog.changesStart(state, now: now), problem: nil)
        placeBefore = state.place
    }

    private init(store: StateStore?, state: LookState, windowStart: String, problem: String?) {
        self.store = store
        self.state = state
        self.windowStart = windowStart
        self.problem = problem
    }

    /// Reads the state from `store` (a bad file is set aside and reported once), and records this
    /// look at `now`: the last look, and each of the catalog's documents not seen before pinned
    /// at where this run's list starts. Never fails: without a usable store the state lives in
    /// memory, and the problem is reported.
    public static func open(store: StateStore?, catalog: Catalog, now: String) -> LookRecord {
        let loaded = store?.load()
        var state = loaded?.state ?? LookState()
        let start = Catalog.changesStart(state, now: now)
        let documents = catalog.vendors.flatMap(\.documents).filter { $0.role == .primary }.map(\.ref)
        func look(_ s: inout LookState) {
            for d in documents where s.seen[d] == nil { s.seen[d] = start }
            s.lastLook = now
        }
        look(&state)
        var problem = loaded?.problem
        if let store {
            problem = problem.map { Self.shortened($0, store) }
            // Applied to the file as it is now, under its lock: another run's looks are kept.
            let written = store.update { s in
                look(&s)
                state = s
            }
            problem = problem ?? written
        }
        let record = LookRecord(store: store, state: state, windowStart: start, problem: problem)
        record.placeBefore = loaded?.state.place
        return record
    }

    /// Remembers where the browser is as it closes (nil: nowhere worth coming back to).
    public func remember(place: String?) {
        state.place = place
        _ = store?.update { $0.place = place }
    }

    /// A problem worded for one status-bar line: the folder once, `~` for the home folder.
    private static func shortened(_ problem: String, _ store: StateStore) -> String {
        var text = problem.replacingOccurrences(of: "set aside as " + store.folder + "/", with: "set aside as ")
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty, home != "/", text.hasPrefix(home + "/") {
            text = "~" + text.dropFirst(home.count)
        }
        return text
    }

    /// The problem with the state file, the first time it is asked for.
    func takeProblem() -> String? {
        defer { problem = nil }
        return problem
    }

    func isUnseen(_ change: DocumentChange) -> Bool {
        !state.hasSeen(change.document.ref, change.version)
    }

    /// Records that `version` of `document` (a `vendor/doc` reference) was viewed, and with it
    /// every older one. Returns a problem to show when it cannot be remembered.
    func markSeen(_ document: String, _ version: DocumentVersion) -> String? {
        guard !state.hasSeen(document, version) else { return nil }
        state.seen[document] = version.stamp
        guard let store else { return nil }
        return store.update { s in
            if !s.hasSeen(document, version) { s.seen[document] = version.stamp }
            state = s
        }
    }

    /// The real changes to list, newest first: recorded since `windowStart`, or older and unseen.
    func changes(in catalog: Catalog) -> [DocumentChange] {
        Self.changes(in: catalog, state: state, windowStart: windowStart)
    }

    /// The changes recorded since `start` (a recording time; "" for all), or older and unseen.
    func changes(in catalog: Catalog, since start: String, includeNoise: Bool) -> [DocumentChange] {
        Self.changes(in: catalog, state: state, windowStart: start, includeNoise: includeNoise)
    }

    /// The date the list of changes starts on (nil when it lists nothing: no history of looks).
    var windowDate: SimpleDate? { SimpleDate(windowStart.prefix(10)) }

    /// Works out the changes on another thread: `wait` returns them.
    func changesInBackground(_ catalog: Catalog) -> Pending<[DocumentChange]> {
        let pending = Pending<[DocumentChange]>()
        let state = state, start = windowStart
        Thread.detachNewThread { pending.put(Self.changes(in: catalog, state: state, windowStart: start)) }
        return pending
    }

    /// The same from a copy of the state, for another thread; with `includeNoise`, the versions
    /// that change only noise too.
    static func changes(in catalog: Catalog, state: LookState, windowStart: String, includeNoise: Bool = false) -> [DocumentChange] {
        var out: [DocumentChange] = []
        for vendor in catalog.vendors {
            // From the earliest point where one of the vendor's documents has something unseen.
            var from = windowStart
            for doc in vendor.documents where doc.role == .primary {
                let seen = state.seen[doc.ref] ?? windowStart
                if seen < from, let newest = doc.newest?.stamp, newest > seen { from = seen }
            }
            guard vendor.documents.contains(where: { ($0.newest?.stamp ?? "") >= from }) else { continue }
            out += catalog.changes(since: from, vendor: vendor.id, includeNoise: includeNoise, state: state).filter { !$0.seen || $0.version.stamp >= windowStart }
        }
        // Newest first; at one time, in the catalog's order (the order the vendors were read in).
        return out.enumerated().sorted { a, b in
            a.element.version.stamp != b.element.version.stamp ? a.element.version.stamp > b.element.version.stamp : a.offset < b.offset
        }.map(\.element)
    }
}
