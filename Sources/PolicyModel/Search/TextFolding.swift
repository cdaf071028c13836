import Foundation

/// Search folding: NFKC compatibility forms and case folded (so `ＡＰＩ` finds `API` and
/// `Improve` finds `improve`), on top of the anchoring normalization (markup ignored,
/// whitespace runs collapsed). Each folded scalar remembers its raw offset.
public struct FoldedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    public private(set) var rawOffsets: [Int32] = []

    public init(_ normalized: NormalizedText) {
        scalars.reserveCapacity(normalized.count)
        rawOffsets.reserveCapacity(normalized.count)
        var cache = Folding.Cache()
        for (i, s) in normalized.scalars.enumerated() {
            let raw = normalized.rawOffsets[i]
            if s.value < 0x80 {
                let v = s.value
                scalars.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(truncatingIfNeeded: v + 0x20)) : s)
                rawOffsets.append(raw)
                continue
            }
            for f in cache.fold(s) {
                scalars.append(f)
                rawOffsets.append(raw)
            }
        }
    }

    public init(_ text: String) { self.init(NormalizedText(text)) }

    public var count: Int { scalars.count }
}

public enum Folding {
    /// NFKC then lower case, for one scalar.
    static func foldScalar(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        Array(String(s).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
    }

    /// Folds a query term the same way texts are folded.
    public static func fold(_ text: String) -> [Unicode.Scalar] { FoldedText(text).scalars }

    struct Cache {
        private var table: [UInt32: [Unicode.Scalar]] = [:]

        mutating func fold(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
            if let hit = table[s.value] { return hit }
            let folded = String(s).precomposedStringWithCompatibilityMapping.lowercased()
            // Folding may produce whitespace (e.g. U+3000 -> space): keep it a single space.
            let out = Array(folded.unicodeScalars).map { MarkupNormalizer.isSpace($0) ? " " : $0 }
            table[s.value] = out
            return out
        }
    }
}
