import PolicyModel
import TerminalUI
import TextCells

/// What the browser reads but never changes: the catalog, the language, the keymap,
/// and caches of work that depends only on them (resolved evidence, wrapped texts).
public final class BrowserModel {
    public let catalog: Catalog
    public let language: Language
    public let keymap: Keymap
    public var policy: WidthPolicy
    let text: UIText

    private var resolved: [Evidence: ResolvedEvidence] = [:]
    private var wrapped: [WrapKey: WrappedText] = [:]
    private var quoted: [String: [QuotedPassage]] = [:]
    private var index: SearchIndex?
    private var comparisons: [String: DocumentComparison] = [:]
    private var histories: [String: [VersionStep]] = [:]
    private var outlines: [String: [String]] = [:]

    /// A version's section titles, indented by level and cut to a width, computed once per width.
    func outlineTitles(_ version: DocumentVersion, sections: [Section], width: Int) -> [String] {
        let key = "\(version.path)#\(width)"
        if let hit = outlines[key] { return hit }
        let titles = sections.map { sec in
            (String(repeating: " ", count: max(0, min(sec.level - 1, 4))) + sec.title).truncated(toWidth: max(1, width), policy: policy)
        }
        if outlines.count > 32 { outlines.removeAll() }
        outlines[key] = titles
        return titles
    }
    private var diffs: [String: [TextChange]] = [:]

    /// A document's version history, computed once.
    func history(of doc: PolicyDocument) -> [VersionStep] {
        if let hit = histories[doc.ref] { return hit }
        let steps = catalog.history(of: doc)
        histories[doc.ref] = steps
        return steps
    }

    /// The changes between two versions (noise filtered), computed once.
    func diff(old: DocumentVersion, new: DocumentVersion) -> [TextChange] {
        let key = old.path + "|" + new.path
        if let hit = diffs[key] { return hit }
        guard case .success(let a) = catalog.text(of: old), case .success(let b) = catalog.text(of: new) else { return [] }
        let changes = VersionDiff.changes(old: DiffSide(a), new: DiffSide(b))
        if diffs.count > 32 { diffs.removeAll() }
        diffs[key] = changes
        return changes
    }
    private var alignments: [String: AlignedLines] = [:]

    /// Two document versions aligned clause by clause, computed once.
    func documentComparison(_ versions: [(PolicyDocument, DocumentVersion)]) -> DocumentComparison? {
        let key = versions.map(\.1.path).joined(separator: "|")
        if let hit = comparisons[key] { return hit }
        guard case .success(let c) = catalog.compareDocuments(versions) else { return nil }
        comparisons[key] = c
        return c
    }

    /// The aligned clauses wrapped for a pane width, computed once per width.
    func alignedLines(_ c: DocumentComparison, paneWidth: Int, policy: WidthPolicy) -> AlignedLines {
        let key = c.documents.map(\.version.path).joined(separator: "|") + "#\(paneWidth)"
        if let hit = alignments[key] { return hit }
        let lines = AlignedLines(c, paneWidth: paneWidth, policy: policy)
        if alignments.count > 16 { alignments.removeAll() }
        alignments[key] = lines
        return lines
    }
    private var described: [SearchIndex.Match: SearchHit] = [:]
    /// Search every version, not only the newest of each document.
    public var searchAllVersions = false

    /// Where the search index comes from when not built here (the launcher's on-disk cache).
    public var indexProvider: (() -> SearchIndex?)?

    /// The search index, built (or read from the cache) on first use.
    public var searchIndex: SearchIndex {
        if let index { return index }
        let built = indexProvider?() ?? SearchIndex(catalog: catalog, allVersions: searchAllVersions)
        index = built
        return built
    }

    /// A match with its document, section, offsets and snippet, computed once.
    func describe(_ m: SearchIndex.Match) -> SearchHit {
        if let hit = described[m] { return hit }
        let hit = searchIndex.describe(m)
        if described.count > 4_096 { described.removeAll() }
        described[m] = hit
        return hit
    }

    public init(catalog: Catalog, language: Language, policy: WidthPolicy = .standard) {
        self.catalog = catalog
        self.language = language
        self.policy = policy
        self.keymap = BrowserKeys.keymap(language)
        self.text = UIText(language: language)
    }

    /// Evidence anchored against the loaded texts, computed once.
    func resolve(_ e: Evidence) -> ResolvedEvidence {
        if let hit = resolved[e] { return hit }
        let r = catalog.resolve(e)
        resolved[e] = r
        return r
    }

    private struct WrapKey: Hashable {
        var path: String
        var width: Int
    }

    /// A version's text wrapped to a width, kept per (file, width).
    func wrappedText(_ version: DocumentVersion, width: Int) -> (WrappedText, PreparedText)? {
        guard case .success(let prepared) = catalog.text(of: version) else { return nil }
        let key = WrapKey(path: version.path, width: width)
        if let hit = wrapped[key] { return (hit, prepared) }
        let w = WrappedText(prepared.text(0, prepared.raw.count), width: max(1, width), policy: policy)
        if wrapped.count > 64 { wrapped.removeAll() }
        wrapped[key] = w
        return (w, prepared)
    }

    /// Every quoted passage of a document version, in text order, with the verdicts that cite it.
    func quotedPassages(in doc: PolicyDocument, version: DocumentVersion) -> [QuotedPassage] {
        let key = version.path
        if let hit = quoted[key] { return hit }
        var out: [QuotedPassage] = []
        for vendor in catalog.vendors {
            for verdict in vendor.verdicts {
                for (i, e) in verdict.evidence.enumerated() where e.vendor == doc.vendor && e.document == doc.id {
                    let r = resolve(e)
                    guard r.version?.path == version.path, let anchor = r.anchor else { continue }
                    out.append(QuotedPassage(start: anchor.start, end: anchor.end, section: anchor.section,
                                             cite: VerdictRef(vendor: verdict.vendor, surface: verdict.surface, question: verdict.question), evidenceIndex: i))
                }
            }
        }
        out.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        quoted[key] = out
        return out
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
