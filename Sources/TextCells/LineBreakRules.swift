// A subset of UAX #14 (Unicode 15.1/16.0 edition for quotation marks) on
// grapheme clusters. Hangul, Thai dictionaries and the numeric regex of LB25
// are simplified, and graphemes already keep ZWJ sequences and flags whole; what matters here is Latin words and CJK kinsoku:
// LB13 no break before 、。，）！？, LB14 none after （《「, LB21 none before
// ：；々, LB22 none before …, LB17 —— kept whole.

/// What the breaker needs to know about one grapheme.
struct BreakUnit {
    var cls: LineBreakClass
    /// East Asian Wide or Fullwidth (for LB19a and LB30).
    var eastAsian: Bool
}

enum LineBreakRules {
    /// The class used for a whole grapheme: its first scalar's, resolved as
    /// UAX #14 §6.1 suggests (AI, SG, XX, SA → AL; CJ → ID as in CSS
    /// `line-break: normal`; a grapheme that starts with a mark → AL; a
    /// space carrying marks → AL, as LB10 treats marks after a space, so the
    /// marks are drawn instead of trimmed with the space at a break).
    static func resolvedClass(of glyph: GlyphInfo, scalarCount: Int = 1) -> LineBreakClass {
        if glyph.isTab { return .SP }
        switch UnicodeProperties.lineBreakClass(glyph.first) {
        case .SP where scalarCount > 1: return .AL
        case .AI, .SG, .XX, .SA, .CM, .ZWJ: return .AL
        case .CJ, .H2, .H3, .JL, .JV, .JT: return .ID
        case let other: return other
        }
    }

    static func isSpace(_ cls: LineBreakClass) -> Bool { cls == .SP }

    /// Classes that may not start a line (used for emergency breaks too).
    static func isNonStarter(_ cls: LineBreakClass) -> Bool {
        switch cls {
        case .CL, .CP, .EX, .IS, .NS, .IN, .SY, .QUPf: return true
        default: return false
        }
    }

    /// `result[i]` is true when a line may break before `units[i]`
    /// (`result[0]` is always false). No hard breaks occur inside `units`.
    static func opportunities(_ units: [BreakUnit]) -> [Bool] {
        var result = [Bool](repeating: false, count: units.count)
        var lastNonSpace = -1
        var sawSpace = false
        for i in units.indices {
            defer {
                if isSpace(units[i].cls) { sawSpace = true } else { lastNonSpace = i; sawSpace = false }
            }
            guard lastNonSpace >= 0 else { continue }
            result[i] = mayBreak(units, before: i, after: lastNonSpace, spaces: sawSpace)
        }
        return result
    }

    private static func mayBreak(_ u: [BreakUnit], before i: Int, after j: Int, spaces: Bool) -> Bool {
        let y = u[i].cls
        let x = u[j].cls
        switch y {
        case .SP, .ZW: return false                                   // LB7
        default: break
        }
        if x == .ZW { return true }                                   // LB8
        switch y {
        case .CL, .CP, .EX, .IS, .SY: return false                    // LB13
        default: break
        }
        if x == .OP { return false }                                  // LB14
        if isQuote(x) && y == .OP { return false }                    // LB15
        if (x == .CL || x == .CP) && y == .NS { return false }        // LB16
        if x == .B2 && y == .B2 { return false }                      // LB17
        if spaces { return true }                                     // LB18
        if isQuote(y) && !quoteMayBreakBefore(u, i) { return false }  // LB19, LB19a
        if isQuote(x) && !quoteMayBreakAfter(u, j) { return false }
        return !pairForbidsBreak(x, y, xEastAsian: u[j].eastAsian, yEastAsian: u[i].eastAsian)
    }

    private static func isQuote(_ c: LineBreakClass) -> Bool { c == .QU || c == .QUPi || c == .QUPf }

    /// Before an opening quote only when East Asian text is on both sides.
    private static func quoteMayBreakBefore(_ u: [BreakUnit], _ i: Int) -> Bool {
        guard u[i].cls == .QUPi, i > 0, i + 1 < u.count else { return false }
        return u[i - 1].eastAsian && u[i + 1].eastAsian
    }

    /// After a closing quote only when East Asian text is on both sides.
    private static func quoteMayBreakAfter(_ u: [BreakUnit], _ j: Int) -> Bool {
        guard u[j].cls == .QUPf, j > 0, j + 1 < u.count else { return false }
        return u[j - 1].eastAsian && u[j + 1].eastAsian
    }

    /// LB11–LB30b for two adjacent graphemes with no space between.
    private static func pairForbidsBreak(_ x: LineBreakClass, _ y: LineBreakClass, xEastAsian: Bool, yEastAsian: Bool) -> Bool {
        let xLetter = x == .AL || x == .HL
        let yLetter = y == .AL || y == .HL
        if x == .WJ || y == .WJ { return true }                                        // LB11
        if x == .GL { return true }                                                    // LB12
        if y == .GL && x != .BA && x != .HY { return true }                            // LB12a
        if x == .CB || y == .CB { return false }                                       // LB20
        if y == .BA || y == .HY || y == .NS || x == .BB { return true }                // LB21
        if y == .IN { return true }                                                    // LB22
        if (xLetter && y == .NU) || (x == .NU && yLetter) { return true }              // LB23
        if x == .PR && (y == .ID || y == .EB || y == .EM) { return true }              // LB23a
        if (x == .ID || x == .EB || x == .EM) && y == .PO { return true }
        if (x == .PR || x == .PO) && yLetter { return true }                           // LB24
        if xLetter && (y == .PR || y == .PO) { return true }
        if (x == .CL || x == .CP || x == .NU) && (y == .PO || y == .PR) { return true } // LB25
        if (x == .PO || x == .PR) && (y == .OP || y == .NU) { return true }
        if (x == .HY || x == .IS || x == .NU || x == .SY) && y == .NU { return true }
        if xLetter && yLetter { return true }                                          // LB28
        if x == .IS && yLetter { return true }                                         // LB29
        if (xLetter || x == .NU) && y == .OP && !yEastAsian { return true }            // LB30
        if x == .CP && (yLetter || y == .NU) && !xEastAsian { return true }
        if x == .EB && y == .EM { return true }                                        // LB30b
        return false                                                                   // LB31
    }
}
