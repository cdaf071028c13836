/// How wide to draw what Unicode leaves open.
public struct WidthPolicy: Sendable, Hashable {
    /// East Asian Ambiguous characters (“ ” … — § ① ─ …) take two cells when
    /// true. UAX #11 recommends narrow when the context is unknown, and
    /// ncurses counts them with libc `wcwidth`, which says one.
    public var ambiguousIsWide: Bool
    /// Distance between tab stops, in cells.
    public var tabWidth: Int

    public init(ambiguousIsWide: Bool = false, tabWidth: Int = 8) {
        self.ambiguousIsWide = ambiguousIsWide
        self.tabWidth = max(1, tabWidth)
    }

    /// Ambiguous = narrow, tabs every 8 cells.
    public static let standard = WidthPolicy()
    /// Ambiguous = wide, for terminals set to East Asian (CJK) width.
    public static let eastAsian = WidthPolicy(ambiguousIsWide: true)

    /// Cells a tab takes when it starts at `column`.
    @inline(__always)
    public func tabAdvance(at column: Int) -> Int {
        tabWidth - column % tabWidth
    }
}
