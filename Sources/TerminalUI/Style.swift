/// What a piece of the screen means. A `ColorProfile` decides how each role
/// looks, so widgets never pick colours themselves.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal, dim, heading, title, border
    /// The selected item in the focused pane, and in a pane without focus.
    case selection, selectionInactive
    /// Quoted evidence in a clause; the current search match.
    case highlight, strongHighlight
    /// A word of the search wherever it occurs (in results and in the reader).
    case match
    /// An answer by what it means for the person whose data it is (never by its word).
    case favourable, unfavourable, mixed, neutral
    /// Text a new version added, or removed.
    case added, removed
    case statusBar, statusKey
    case prompt, cursor
    case error, warning, link
}

/// Text attributes terminals support without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1)
    public static let underline = Attributes(rawValue: 2)
    public static let reverse = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)
}

/// The style of one cell: a role plus extra attributes a widget adds.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var attributes: Attributes

    public init(_ role: Role = .normal, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }

    public static let normal = Style()

    /// The same extra attributes under another role.
    public func with(role: Role) -> Style { Style(role, attributes) }
    public func adding(_ extra: Attributes) -> Style { Style(role, attributes.union(extra)) }
}
