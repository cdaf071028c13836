import TextCells

/// Characters for borders and dividers. Box drawing characters are East
/// Asian Ambiguous, so with ambiguous = wide the ASCII set keeps alignment.
public struct BorderSet: Hashable, Sendable {
    public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character

    public static let light = BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
    public static let ascii = BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")

    /// The set that draws one cell per character under `policy`.
    public static func forPolicy(_ policy: WidthPolicy) -> BorderSet {
        policy.ambiguousIsWide ? .ascii : .light
    }
}

public enum Split {
    /// Splits `rect` into a left and right pane with a one-cell divider
    /// between them, drawn into `buffer`. `left` sizes the left pane; the
    /// right pane takes the rest.
    public static func vertical(_ rect: Rect, left: Extent, into buffer: inout CellBuffer) -> (left: Rect, right: Rect) {
        let parts = rect.columns([left, .fixed(1), .fill(1)])
        let divider = parts[1]
        let bar = BorderSet.forPolicy(buffer.policy).vertical
        for y in divider.y..<divider.maxY where divider.width > 0 {
            buffer.put(bar, x: divider.x, y: y, style: Style(.border))
        }
        return (parts[0], parts[2])
    }

    /// Splits `rect` into a top and bottom pane with a one-row divider.
    public static func horizontal(_ rect: Rect, top: Extent, into buffer: inout CellBuffer) -> (top: Rect, bottom: Rect) {
        let parts = rect.rows([top, .fixed(1), .fill(1)])
        let divider = parts[1]
        let bar = BorderSet.forPolicy(buffer.policy).horizontal
        for x in divider.x..<divider.maxX where divider.height > 0 {
            buffer.put(bar, x: x, y: divider.y, style: Style(.border))
        }
        return (parts[0], parts[2])
    }
}
