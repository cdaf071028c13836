import Foundation

/// How a folded scalar takes part in search.
enum ScalarClass: UInt8, Sendable {
    /// Part of a word (letters, digits and marks of scripts written with spaces).
    case word
    /// A CJK character: a word of its own, so any run of them is found as a substring.
    case cjk
    /// Between words, not breaking a phrase: spaces, hyphens (plain, non-breaking, soft), slashes,
    /// apostrophes and quotation marks (curly and straight alike).
    case weak
    /// Any other punctuation or symbol: ends a phrase.
    case strong
    /// Invisible inside words (zero-width joiners and spaces, the byte order mark).
    case ignored

    static func of(_ s: Unicode.Scalar) -> ScalarClass {
        let v = s.value
        if v < 0x80 { return ascii[Int(v)] }
        switch v {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF,
             0x3040...0x30FF, 0x31F0...0x31FF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0x3005, 0x3007:
            return .cjk
        case 0x00AD, 0x2010, 0x2011, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2032, 0x2033,
             0x2044, 0x2215, 0xFF0F:
            return .weak
        case 0x200B...0x200D, 0x2060, 0xFEFF:
            return .ignored
        default:
            break
        }
        if MarkupNormalizer.isSpace(s) { return .weak }
        let p = s.properties
        if p.isAlphabetic || p.numericType != nil { return .word }
        switch p.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return .strong
        }
    }

    static let ascii: [ScalarClass] = (0..<128).map { v in
        switch UInt8(v) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .word
        case 9...13, 32, UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "\""): return .weak
        default: return .strong
        }
    }
}

/// Search folding: NFKC compatibility forms and case folded (so `ＡＰＩ` finds `API` and
/// `Improve` finds `improve`), on top of the anchoring normalization (markup ignored,
/// whitespace runs collapsed). Each folded scalar remembers its raw offset. The simple
/// search engine reads texts in this form.
public struct FoldedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    public private(set) var rawOffsets: [Int32] = []

    public init(_ normalized: NormalizedText) {
        scalars.reserveCapacity(normalized.count)
        rawOffsets.reserveCapacity(normalized.count)
        for (i, s) in normalized.scalars.enumerated() {
            let raw = normalized.rawOffsets[i]
            for f in Folding.foldScalar(s) {
                scalars.append(f)
                rawOffsets.append(raw)
            }
        }
    }

    public init(_ text: String) { self.init(NormalizedText(text)) }

    public var count: Int { scalars.count }
}

public enum Folding {
    /// Whether a scalar folds to itself (most do: CJK characters, lower-case letters), told by
    /// property lookups without building strings. A test holds this equal to `foldScalar`.
    static func foldsToItself(_ s: Unicode.Scalar) -> Bool {
        !s.properties.changesWhenNFKCCaseFolded && !s.properties.changesWhenLowercased && !MarkupNormalizer.isSpace(s)
    }

    /// NFKC then lower case, for one scalar; whitespace it produces (U+3000 → space) is one space.
    static func foldScalar(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        if s.value < 0x80 {
            let v = s.value
            return [v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(truncatingIfNeeded: v + 0x20)) : s]
        }
        return String(s).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars.map {
            MarkupNormalizer.isSpace($0) ? " " : $0
        }
    }
}

/// Folded forms of scalars, computed once each: the UTF-8 bytes and class of every scalar a
/// scalar folds to.
struct FoldCache: Sendable {
    struct Piece: Sendable {
        var scalarClass: ScalarClass
        var bytes: [UInt8]
    }

    private var table: [UInt32: [Piece]] = [:]

    mutating func pieces(_ s: Unicode.Scalar) -> [Piece] {
        if let hit = table[s.value] { return hit }

        let out = Folding.foldScalar(s).map { f in Piece(scalarClass: ScalarClass.of(f), bytes: Array(String(f).utf8)) }
        table[s.value] = out
        return out
    }
}
