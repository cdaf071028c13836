/// A mouse event, in cells of the screen: a click of the first button, or the wheel.
public struct Mouse: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case click, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }

    /// The row of `rect` the pointer is on, or nil outside it.
    public func row(in rect: Rect) -> Int? {
        rect.contains(x: x, y: y) ? y - rect.y : nil
    }
}
