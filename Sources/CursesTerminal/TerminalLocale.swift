import CNcursesW

/// The C locale must be UTF-8 before curses starts, or ncursesw measures
/// every CJK character as -1 columns and mangles the screen.
enum TerminalLocale {
    /// Takes the locale from the environment; when that is not UTF-8, falls
    /// back to C.UTF-8. Returns the codeset in use.
    static func prepare() throws -> String {
        if tl_setlocale_all("") != 0, isUTF8(codeset()) { return codeset() }
        if tl_setlocale_all("C.UTF-8") != 0, isUTF8(codeset()) { return codeset() }
        throw CursesError.noUTF8Locale(codeset())
    }

    static func codeset() -> String {
        guard let name = tl_codeset() else { return "unknown" }
        return String(cString: name)
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let folded = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return folded == "utf8"
    }
}
