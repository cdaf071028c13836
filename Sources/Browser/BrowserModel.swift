import Foundation
import PolicyModel
import TerminalUI
import TextCells

/// What the browser reads but never changes: the catalog, the language, and the results of
/// work that depends only on them (resolved evidence, wrapped texts, histories, diffs, search
/// snippets).
///
/// Work that may read files is done by the `load…` methods, which views call in `update` and
/// `prepare`; `render` finds the results with the plain lookups, which never read. Loads made
/// while a frame is drawn are counted, so a test can hold render to that.
public final class BrowserModel {
    public let catalog: Catalog
    public let language: Language
    public var policy: WidthPolicy
    /// The terminal draws without colour: diffs mark their changes with `[-…-]` / `{+…+}`, and
    /// the legend does not speak of colours.
    public var monochrome = false
    /// Search every version, not only the newest of each document.
    public var searchAllVersions = false
    /// Where the search index comes from when not built here (the launcher's on-disk cache).
    public var indexProvider: (@Sendable () -> SearchIndex?)?
    /// What `o` opens URLs with; nil shows them to copy.
    public var urlOpener: URLOpener?
    /// What was seen before: which changes are new (kept across a reload).
    public var looks = LookRecord()
    let text: UIText

    /// True while `Browser.render` draws.
    var rendering = false
    /// Loads that happened while a frame was drawn: none, if render keeps to lookups.
    private(set) var loadsWhileRendering = 0

    private let resolved = Memo<Evidence, ResolvedEvidence>(limit: .max)
    private let shown = Memo<ShownKey, ShownText>(limit: 64)
    private let markdown = Memo<String, RenderedMarkdown>(limit: 16)
    private let quoted = Memo<String, [QuotedPassage]>(limit: .max)
    private let histories = Memo<String, [VersionStep]>(limit: .max)
    private let diffs = Memo<String, [TextChange]>(limit: 32)
    private let comparisons = Memo<String, DocumentComparison?>(limit: 32)
    private let alignments = Memo<TextKey, AlignedLines>(limit: 16)
    private let quoteDrifts = Memo<String, [EvidenceDrift]>(limit: 32)
    private let presences = Memo<String, [String: Set<Int>]>(limit: 16)
    private let outlines = Memo<TextKey, [String]>(limit: 32)
    private let described = Memo<SearchIndex.Match, SearchHit>(limit: 8_192)
    private let wordRanges = Memo<WordsKey, [Range<Int>]>(limit: 16)
    private var index: SearchIndex?
    private var changeList: [DocumentChange]?
    /// Lists of changes over a window the changes view widened (`ChangeWindow.key`).
    private let widerChanges = Memo<String, [DocumentChange]>(limit: 8)
    /// The changes being worked out on another thread (`listChangesInBackground`).
    private var pendingChanges: Pending<[DocumentChange]>?
    private var changesInBackground = false
    /// The search index being built on another thread (`buildSearchIndexInBackground`).
    private var pendingIndex: Pending<SearchIndex>?
    private var indexInBackground = false

    public init(catalog: Catalog, language: Language, policy: WidthPolicy = .standard) {
        self.catalog = catalog
        self.language = language
        self.policy = policy
        self.text = UIText(language: language)
    }

    /// A new model over freshly read data, with this one's settings.
    func reloaded(with catalog: Catalog) -> BrowserModel {
        let model = BrowserModel(catalog: catalog, language: language, policy: policy)
        model.monochrome = monochrome
        model.searchAllVersions = searchAllVersions
        model.indexProvider = indexProvider
        model.urlOpener = urlOpener
        model.looks = looks
        if changesInBackground { model.listChangesInBackground() }
        if indexInBackground { model.buildSearchIndexInBackground() }
        return model
    }

    private func load<K, V>(_ memo: Memo<K, V>, _ key: K, _ work: () -> V) -> V {
        if let hit = memo.peek(key) { return hit }
        if rendering { loadsWhileRendering += 1 }
        let value = work()
        memo.store(key, value)
        return value
    }

    private struct TextKey: Hashable {
        var path: String
        var width: Int
    }

    private struct ShownKey: Hashable {
        var path: String
        var width: Int
        var raw: Bool
    }

    // MARK: Evidence

    /// Evidence anchored against the loaded texts (reads the text).
    @discardableResult
    func loadResolved(_ e: Evidence) -> ResolvedEvidence {
        load(resolved, e) { catalog.resolve(e) }
    }

    func resolvedEvidence(_ e: Evidence) -> ResolvedEvidence? { resolved.peek(e) }

    /// Whether a verdict needs a second look (a quote changed or gone in the newest version),
    /// from its evidence as resolved before (`loadResolved`).
    func needsReview(_ v: Verdict) -> Bool {
        v.evidence.contains { resolvedEvidence($0)?.needsReview == true }
    }

    // MARK: Document texts

    /// A version's text as the reader shows it (rendered Markdown, or the raw file when `raw`),
    /// wrapped to a width (reads the text once).
    @discardableResult
    func loadShown(_ version: DocumentVersion, width: Int, raw: Bool) -> (ShownText, PreparedText)? {
        guard case .success(let prepared) = catalog.text(of: version) else { return nil }
        let text = load(shown, ShownKey(path: version.path, width: width, raw: raw)) {
            if raw { return ShownText(raw: prepared, width: width, policy: policy) }
            let md = load(markdown, version.path) { RenderedMarkdown(scalars: prepared.raw) }
            return ShownText(rendered: md, width: width, policy: policy)
        }
        return (text, prepared)
    }

    /// The text `loadShown` prepared.
    func shownText(_ version: DocumentVersion, width: Int, raw: Bool) -> (ShownText, PreparedText)? {
        guard let text = shown.peek(ShownKey(path: version.path, width: width, raw: raw)),
              let prepared = catalog.loadedText(of: version) else { return nil }
        return (text, prepared)
    }

    /// A version's section titles, indented by level and cut to a width (no reading: the
    /// sections come with the prepared text).
    func outlineTitles(_ version: DocumentVersion, sections: [Section], width: Int) -> [String] {
        let key = TextKey(path: version.path, width: width)
        if let hit = outlines.peek(key) { return hit }
        let titles = sections.map { sec in
            (String(repeating: " ", count: max(0, min(sec.level - 1, 4))) + sec.title).truncated(toWidth: max(1, width), policy: policy)
        }
        outlines.store(key, titles)
        return titles
    }

    /// Every quoted passage of a document version, in text order, with the verdicts that cite
    /// it (anchors every quote of the document).
    @discardableResult
    func loadQuotedPassages(in doc: PolicyDocument, version: DocumentVersion) -> [QuotedPassage] {
        load(quoted, version.path) {
            var out: [QuotedPassage] = []
            for vendor in catalog.vendors {
                for verdict in vendor.verdicts {
                    for (i, e) in verdict.evidence.enumerated() where e.vendor == doc.vendor && e.document == doc.id {
                        let r = loadResolved(e)
                        guard r.version?.path == version.path, let anchor = r.anchor else { continue }
                        out.append(QuotedPassage(start: anchor.start, end: anchor.end, section: anchor.section,
                                                 cite: VerdictRef(vendor: verdict.vendor, surface: verdict.surface, question: verdict.question),
                                                 evidenceIndex: i))
                    }
                }
            }
            return out.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        }
    }

    func quotedPassages(in version: DocumentVersion) -> [QuotedPassage] { quoted.peek(version.path) ?? [] }

    // MARK: Versions and diffs

    /// A document's version history (reads every version).
    @discardableResult
    func loadHistory(of doc: PolicyDocument) -> [VersionStep] {
        load(histories, doc.ref) { catalog.history(of: doc) }
    }

    func history(of doc: PolicyDocument) -> [VersionStep]? { histories.peek(doc.ref) }

    /// The changes between two versions, noise filtered (reads both).
    @discardableResult
    func loadDiff(old: DocumentVersion, new: DocumentVersion) -> [TextChange] {
        load(diffs, old.path + "|" + new.path) {
            guard case .success(let a) = catalog.text(of: old), case .success(let b) = catalog.text(of: new) else { return [] }
            return VersionDiff.changes(old: DiffSide(a), new: DiffSide(b))
        }
    }

    func diff(old: DocumentVersion, new: DocumentVersion) -> [TextChange]? { diffs.peek(old.path + "|" + new.path) }

    /// What became of each quote of a document from one version to another (reads both).
    @discardableResult
    func loadQuoteDrift(_ doc: PolicyDocument, old: DocumentVersion, new: DocumentVersion) -> [EvidenceDrift] {
        load(quoteDrifts, old.path + "|" + new.path) {
            guard case .success(let a) = catalog.text(of: old), case .success(let b) = catalog.text(of: new) else { return [] }
            return catalog.evidenceDrift(of: doc, old: a, new: b)
        }
    }

    func quoteDrift(old: DocumentVersion, new: DocumentVersion) -> [EvidenceDrift]? { quoteDrifts.peek(old.path + "|" + new.path) }

    /// Which of a document's quotes each of its versions has (reads every version of a quoted document).
    @discardableResult
    func loadQuotePresence(of doc: PolicyDocument) -> [String: Set<Int>] {
        load(presences, doc.ref) { catalog.quotePresence(of: doc) }
    }

    /// The number of quotes that a version brought in or took out against the one before it.
    func quotesTouched(by step: VersionStep, in doc: PolicyDocument) -> Int {
        guard let presence = presences.peek(doc.ref), let previous = step.previous,
              let now = presence[step.version.path], let before = presence[previous.path] else { return 0 }
        return now.symmetricDifference(before).count
    }

    // MARK: Changes since the last look

    /// Works out the changes on another thread, so that the first frame does not wait for them
    /// (seconds, when many versions came in): the vendor list's badges appear when they are ready.
    public func listChangesInBackground() {
        changesInBackground = true
        guard changeList == nil, pendingChanges == nil else { return }
        pendingChanges = looks.changesInBackground(catalog)
    }

    /// Work going on in another thread: the run loop polls `collectBackgroundWork`.
    public var hasBackgroundWork: Bool { pendingChanges != nil || pendingIndex != nil }

    /// Takes what other threads finished; true when there was something (draw again).
    public func collectBackgroundWork() -> Bool {
        var collected = false
        if let built = pendingIndex?.ready {
            index = built
            pendingIndex = nil
            collected = true
        }
        guard let list = pendingChanges?.ready else { return collected }
        changeList = list
        pendingChanges = nil
        return true
    }

    /// The real changes to list, newest first (reads the histories of documents with new
    /// versions, or waits for the thread doing it).
    @discardableResult
    func loadChanges() -> [DocumentChange] {
        if let changeList { return changeList }
        if rendering { loadsWhileRendering += 1 }
        let list = pendingChanges?.wait() ?? looks.changes(in: catalog)
        pendingChanges = nil
        changeList = list
        return list
    }

    /// `loadChanges`, unless another thread is at it: the vendor list does not wait.
    func prepareChanges() {
        if pendingChanges == nil { loadChanges() } else { _ = collectBackgroundWork() }
    }

    func changes() -> [DocumentChange] { changeList ?? [] }

    /// The changes over `window` (reads histories; the last look's window as `loadChanges`).
    @discardableResult
    func loadChanges(_ window: ChangeWindow) -> [DocumentChange] {
        guard let key = window.key else { return loadChanges() }
        return load(widerChanges, key) {
            looks.changes(in: catalog, since: window.since.map { "\($0)T00-00-00Z" } ?? looks.windowStart, includeNoise: window.noise)
        }
    }

    /// The same, if loaded.
    func changes(_ window: ChangeWindow) -> [DocumentChange] {
        guard let key = window.key else { return changes() }
        return widerChanges.peek(key) ?? []
    }

    /// How many of a vendor's listed changes are unseen (all vendors' with nil).
    func unseenCount(vendor: String? = nil) -> Int {
        changes().filter { (vendor == nil || $0.document.vendor == vendor) && looks.isUnseen($0) }.count
    }

    // MARK: Document comparison

    private func comparisonKey(_ versions: [(PolicyDocument, DocumentVersion)]) -> String {
        versions.map(\.1.path).joined(separator: "|")
    }

    /// Document versions aligned clause by clause (reads them), and wrapped for a pane width.
    @discardableResult
    func loadComparison(_ versions: [(PolicyDocument, DocumentVersion)], paneWidth: Int) -> (DocumentComparison, AlignedLines)? {
        let key = comparisonKey(versions)
        guard let comparison = load(comparisons, key, { try? catalog.compareDocuments(versions).get() }) else { return nil }
        let lines = load(alignments, TextKey(path: key, width: paneWidth)) { AlignedLines(comparison, paneWidth: paneWidth, policy: policy) }
        return (comparison, lines)
    }

    func comparison(_ versions: [(PolicyDocument, DocumentVersion)], paneWidth: Int) -> (DocumentComparison, AlignedLines)? {
        let key = comparisonKey(versions)
        guard let found = comparisons.peek(key), let comparison = found,
              let lines = alignments.peek(TextKey(path: key, width: paneWidth)) else { return nil }
        return (comparison, lines)
    }

    // MARK: Search

    /// Builds (or reads from the cache) the search index on another thread, so that the first
    /// search does not stop the browser for seconds: the prompt echoes keys and the results say
    /// the index is being built until it is ready.
    public func buildSearchIndexInBackground() {
        indexInBackground = true
        guard index == nil, pendingIndex == nil else { return }
        let pending = Pending<SearchIndex>()
        let provider = indexProvider, catalog = catalog, allVersions = searchAllVersions
        Thread.detachNewThread { pending.put(provider?() ?? SearchIndex(catalog: catalog, allVersions: allVersions)) }
        pendingIndex = pending
    }

    /// The search index, built (or read from the cache) on first use, or waited for.
    var searchIndex: SearchIndex {
        if let index { return index }
        if rendering { loadsWhileRendering += 1 }
        let built = pendingIndex?.wait() ?? indexProvider?() ?? SearchIndex(catalog: catalog, allVersions: searchAllVersions)
        pendingIndex = nil
        index = built
        return built
    }

    /// The search index unless another thread is still building it.
    var searchIndexIfReady: SearchIndex? {
        if pendingIndex != nil { _ = collectBackgroundWork() }
        return pendingIndex == nil ? searchIndex : nil
    }

    /// Another thread is building the search index (a lookup: render may ask).
    var buildingSearchIndex: Bool { index == nil && pendingIndex != nil }

    /// A match with its document, section, offsets and snippet (reads the bytes around it).
    @discardableResult
    func loadHit(_ m: SearchIndex.Match) -> SearchHit {
        load(described, m) { searchIndex.describe(m) }
    }

    func hit(_ m: SearchIndex.Match) -> SearchHit? { described.peek(m) }

    private struct WordsKey: Hashable {
        var path: String
        var words: [SearchQuery.Word]
    }

    /// Where a search's words occur in a version (raw scalar ranges, in order): the reader
    /// highlights them.
    @discardableResult
    func loadWordHighlights(in version: DocumentVersion, words: [SearchQuery.Word]) -> [Range<Int>] {
        load(wordRanges, WordsKey(path: version.path, words: words)) {
            guard case .success(let text) = catalog.text(of: version) else { return [] }
            var finder = QueryHighlights(words: words)
            return finder.ranges(in: text.raw)
        }
    }

    func wordHighlights(in version: DocumentVersion, words: [SearchQuery.Word]) -> [Range<Int>]? {
        wordRanges.peek(WordsKey(path: version.path, words: words))
    }
}

/// Results kept by key, dropped all at once past a limit (they are cheap to make again).
final class Memo<Key: Hashable, Value> {
    private var values: [Key: Value] = [:]
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    func peek(_ key: Key) -> Value? { values[key] }

    func store(_ key: Key, _ value: Value) {
        if values.count >= limit { values.removeAll() }
        values[key] = value
    }
}

/// A passage of a document version that a verdict quotes.
struct QuotedPassage: Hashable {
    var start: Int
    var end: Int
    var section: String?
    var cite: VerdictRef
    var evidenceIndex: Int
}
