// Lookups into the generated tables in UnicodeTables.swift.

/// The UAX #14 line break classes, in the order the generator numbers them.
/// `QU` is split by general category: `QUPi` opening and `QUPf` closing
/// quotation marks (needed by LB19 and LB19a).
public enum LineBreakClass: UInt8, Sendable {
    case XX, BK, CR, LF, NL, SP, ZW, ZWJ, CM, WJ, GL
    case BA, BB, B2, HY, CB, CL, CP, EX, IN, IS, NS
    case OP, QU, QUPi, QUPf, SY, AL, HL, NU, PR, PO
    case ID, EB, EM, RI, AI, SA, CJ, SG, H2, H3, JL
    case JV, JT
}

/// East Asian Width as the terminal renderer needs it.
enum WidthKind: UInt8 {
    case narrow = 0, wide = 1, ambiguous = 2, zero = 3
}

enum UnicodeProperties {
    /// Index of the last run in `runs` that starts at or before `value`,
    /// where each run is packed as `(first << shift) | payload`.
    @inline(__always)
    static func lookup(_ runs: [UInt32], _ value: UInt32, shift: UInt32) -> UInt32 {
        let key = (value << shift) | ((1 << shift) - 1)
        var low = 0
        var high = runs.count  // invariant: runs[low] <= key < runs[high]
        while high - low > 1 {
            let mid = (low + high) / 2
            if runs[mid] <= key { low = mid } else { high = mid }
        }
        return runs[low] & ((1 << shift) - 1)
    }

    static func widthKind(_ scalar: Unicode.Scalar) -> (kind: WidthKind, emoji: Bool) {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return (.narrow, v == 0x23 || v == 0x2A || (v >= 0x30 && v <= 0x39)) }
        if v >= 0x4E00 && v <= 0x9FFF { return (.wide, false) }
        let packed = lookup(widthRuns, v, shift: 3)
        return (WidthKind(rawValue: UInt8(packed & 3)) ?? .narrow, packed & 4 != 0)
    }

    static func lineBreakClass(_ scalar: Unicode.Scalar) -> LineBreakClass {
        let v = scalar.value
        if v >= 0x61 && v <= 0x7A || v >= 0x41 && v <= 0x5A { return .AL }
        if v >= 0x4E00 && v <= 0x9FFF { return .ID }
        return LineBreakClass(rawValue: UInt8(lookup(lineBreakRuns, v, shift: 6))) ?? .AL
    }
}
