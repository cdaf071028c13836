/// Ids made from names: lowercase ASCII letters and digits, runs of anything else as one `-`
/// (`GitHub Copilot` → `github-copilot`, `Privacy Policy` → `privacy-policy`).
public enum Slug {
    public static func make(_ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
        }
        return String(out.prefix(64))
    }
}
