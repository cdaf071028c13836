import PolicyModel
import TerminalUI

/// One view of the browser with everything needed to show it again exactly as it was: the
/// jump list holds these.
public enum Screen: Hashable, Sendable {
    case vendors(VendorListView)
    case matrix(MatrixView)
    case detail(DetailView)
    case reader(ReaderView)
    case documents(DocumentListView)
    case timeline(TimelineView)
    case search(SearchView)
    case compare(VendorCompareView)
    case documentCompare(DocumentCompareView)
    case versions(VersionsView)
    case diff(DiffView)
    case question(QuestionView)
    case changes(ChangesView)

    /// The view inside, whatever its kind: the one place that looks into the cases. Setting it
    /// stores a changed view back.
    var view: any BrowserView {
        get {
            switch self {
            case .vendors(let v): v
            case .matrix(let v): v
            case .detail(let v): v
            case .reader(let v): v
            case .documents(let v): v
            case .timeline(let v): v
            case .search(let v): v
            case .compare(let v): v
            case .documentCompare(let v): v
            case .versions(let v): v
            case .diff(let v): v
            case .question(let v): v
            case .changes(let v): v
            }
        }
        set { self = newValue.screen }
    }
}
