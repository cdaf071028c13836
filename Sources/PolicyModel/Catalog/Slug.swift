import Foundation

/// Ids made from names: the name's letters and digits, lowercased, runs of anything else as one
/// `-` (`GitHub Copilot` → `github-copilot`, `Privacy Policy` → `privacy-policy`). Letters of
/// every script are kept as they are, not transliterated (`智谱清言` → `智谱清言`, `Kimi 智能助手`
/// → `kimi-智能助手`); compatibility forms are folded first, so full-width `ＡＩ` is `ai`. An id never
/// holds `/`, `@` or `:`, which a TARGET uses to separate its parts.
public enum Slug {
    public static func make(_ name: String) -> String { slug(name, allScripts: true) }

    /// Only ASCII letters and digits (`Kimi 智能助手` → `kimi`): an id a data layer stores as a
    /// folder name, which its format keeps to lowercase ASCII (`Identifier`).
    public static func ascii(_ name: String) -> String { slug(name, allScripts: false) }

    private static func slug(_ name: String, allScripts: Bool) -> String {
        var out = String.UnicodeScalarView()
        var dash = false
        for scalar in name.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            let kept = scalar.isASCII ? isLetterOrDigit(scalar)
                : allScripts && (isLetterOrDigit(scalar) || (isMark(scalar) && !out.isEmpty && !dash))
            if kept {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.append(scalar)
            } else {
                dash = true
            }
        }
        return String(String(out).prefix(64))
    }

    static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "0" && s <= "9") }
        switch s.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }

    /// A combining mark belongs to the letter before it (`ह` + `ि` in Hindi, an accent written apart).
    static func isMark(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
