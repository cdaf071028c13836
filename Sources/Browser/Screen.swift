import PolicyModel
import TerminalUI

/// One view of the browser with everything needed to show it again exactly as it was.
public enum Screen: Hashable, Sendable {
    case vendors(VendorListScreen)
    case matrix(MatrixScreen)
    case detail(DetailScreen)
    case clause(ClauseScreen)
    case documents(DocumentListScreen)
    case timeline(TimelineScreen)
    case search(SearchScreen)
    case compare(CompareScreen)
    case documentCompare(DocumentCompareScreen)
    case versions(VersionsScreen)
    case diff(DiffScreen)

    /// The keymap contexts of this view, innermost first.
    var contexts: [String] {
        switch self {
        case .vendors: return ["vendors", "list", "global"]
        case .matrix: return ["matrix", "global"]
        case .detail: return ["detail", "list", "global"]
        case .clause: return ["clause", "global"]
        case .documents: return ["documents", "list", "global"]
        case .timeline: return ["list", "global"]
        case .search(let s): return s.focusPrompt ? ["prompt"] : ["results", "global"]
        case .compare: return ["compare", "global"]
        case .documentCompare: return ["documentCompare", "clause", "global"]
        case .versions: return ["versions", "list", "global"]
        case .diff: return ["diff", "list", "global"]
        }
    }
}

public struct VendorListScreen: Hashable, Sendable {
    public var list = ListState()
    /// Vendors marked with Space, for `c` to compare.
    public var marked: [String] = []
    public init() {}
}

/// Surfaces × questions for one vendor: rows are questions, columns surfaces.
public struct MatrixScreen: Hashable, Sendable {
    public var vendor: String
    public var table = TableState()
    public init(vendor: String) { self.vendor = vendor }
}

public struct DetailScreen: Hashable, Sendable {
    public var verdict: VerdictRef
    /// The selected piece of evidence.
    public var evidence = ListState()
    public init(verdict: VerdictRef) { self.verdict = verdict }
}

/// A document version, scrolled to a place, with one quoted passage current.
public struct ClauseScreen: Hashable, Sendable {
    public var vendor: String
    public var document: String
    public var version: SimpleDate?
    /// The quoted passage to highlight strongly (raw scalar offsets), if any.
    public var current: Range<Int>?
    /// Where to open: a section label, revealed on first show.
    public var section: String?
    /// The evidence shown when the text is not loaded.
    public var fallbackQuote: VerdictRef?
    public var fallbackEvidence: Int?
    public var pane = TextPaneState()
    /// Raw offset kept at the top of the view, so a resize re-wraps around the same text.
    public var anchorOffset: Int?
    /// Whether the first reveal has been done (at this width).
    public var revealedWidth: Int?
    public var outline = ListState()
    public var focusOutline = false
    /// Opened from search results: `n` / `N` step through the hits.
    public var fromSearch = false

    public init(vendor: String, document: String, version: SimpleDate?) {
        self.vendor = vendor
        self.document = document
        self.version = version
    }
}

public struct DocumentListScreen: Hashable, Sendable {
    public var vendor: String
    public var list = ListState()
    public init(vendor: String) { self.vendor = vendor }
}

public struct TimelineScreen: Hashable, Sendable {
    public var vendor: String
    public var list = ListState()
    public init(vendor: String) { self.vendor = vendor }
}
