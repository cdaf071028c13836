/// A width and height in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// A rectangle of cells; `x`/`y` is the top-left cell. Sizes never go negative.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var size: Size { Size(width: width, height: height) }
    public var description: String { "(\(x),\(y) \(width)×\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        return Rect(x: left, y: top, width: min(maxX, other.maxX) - left, height: min(maxY, other.maxY) - top)
    }

    /// Shrunk by the given number of cells on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    public func inset(by n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    /// Row `index` (from the top) as a one-line rect; empty when outside.
    public func row(_ index: Int) -> Rect {
        guard index >= 0 && index < height else { return Rect(x: x, y: y + max(0, index), width: 0, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// A rect of at most `width`×`height`, centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width)
        let ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// Splits off `n` rows at the top: (top, rest).
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: k), Rect(x: x, y: y + k, width: width, height: height - k))
    }

    /// Splits off `n` rows at the bottom: (rest, bottom).
    public func splitBottom(_ n: Int) -> (Rect, Rect) {
        let k = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - k), Rect(x: x, y: maxY - k, width: width, height: k))
    }

    /// Side by side, left to right, sized by `extents`.
    public func columns(_ extents: [Extent]) -> [Rect] {
        var left = x
        return Extent.resolve(extents, total: width).map { w in
            defer { left += w }
            return Rect(x: left, y: y, width: w, height: height)
        }
    }

    /// Stacked, top to bottom, sized by `extents`.
    public func rows(_ extents: [Extent]) -> [Rect] {
        var top = y
        return Extent.resolve(extents, total: height).map { h in
            defer { top += h }
            return Rect(x: x, y: top, width: width, height: h)
        }
    }
}

/// How much of a split one part takes.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells (less when there is not enough room).
    case fixed(Int)
    /// This percentage of the whole.
    case percent(Int)
    /// A share of what is left after fixed and percent parts, by weight.
    case fill(Int)

    /// Sizes for `extents` within `total` cells; they never sum past `total`.
    public static func resolve(_ extents: [Extent], total: Int) -> [Int] {
        var remaining = max(0, total)
        var sizes = [Int](repeating: 0, count: extents.count)
        for (i, e) in extents.enumerated() {
            switch e {
            case .fixed(let n): sizes[i] = min(max(0, n), remaining)
            case .percent(let p): sizes[i] = min(max(0, total * p / 100), remaining)
            case .fill: continue
            }
            remaining -= sizes[i]
        }
        let weights = extents.map { if case .fill(let w) = $0 { max(0, w) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return sizes }
        var given = 0
        var seen = 0
        for (i, w) in weights.enumerated() where w > 0 {
            seen += w
            // Cumulative rounding, so the fill parts add up exactly.
            let upTo = remaining * seen / totalWeight
            sizes[i] = upTo - given
            given = upTo
        }
        return sizes
    }
}
