import CNcursesW
import TerminalUI
import TextCells

/// Draws cells through the wide-character API. ncurses measures with libc
/// `wcwidth`, which can disagree with our tables (a flag is 1+1 to libc,
/// ⚠️ is 1+0); where it does, a simpler form of the glyph is drawn and padded
/// so ncurses' idea of the cursor never drifts from ours.
struct CellPresenter {
    let profile: ColorProfile
    let defaultColors: Bool
    private var looks: [Style: (attributes: attr_t, pair: Int16)] = [:]

    init(profile: ColorProfile, defaultColors: Bool) {
        self.profile = profile
        self.defaultColors = defaultColors
    }

    /// Draws `cell` at (x, y) of stdscr; continuation cells are the caller's
    /// to skip.
    mutating func draw(_ cell: Cell, x: Int32, y: Int32) {
        let look = self.look(cell.style)
        var column = x
        for piece in Self.cursesForm(of: cell) {
            put(piece.scalars, x: column, y: y, look: look)
            column += Int32(piece.width)
        }
    }

    /// What to hand ncurses for `cell`: pieces whose libc widths add up to
    /// the cell's width, normally one piece, the whole grapheme.
    static func cursesForm(of cell: Cell) -> [(scalars: [wchar_t], width: Int)] {
        let width = Int(max(1, cell.width))
        let scalars = cell.character.unicodeScalars.map { wchar_t(truncatingIfNeeded: $0.value) }
        guard let base = scalars.first else { return blanks(width) }
        let baseWidth = Int(tl_wcwidth(base))
        if baseWidth == width {
            // The base plus the marks libc also counts as zero width
            // (CCHARW_MAX is 5); a dangling ZWJ is dropped.
            var form = [base]
            for s in scalars.dropFirst() {
                guard form.count < 5, tl_wcwidth(s) == 0 else { break }
                form.append(s)
            }
            if form.count > 1 && form.last == 0x200D { form.removeLast() }
            return [(form, width)]
        }
        // A flag: libc sees two one-cell letters; terminals that know flags
        // join them into one two-cell glyph, the rest show two letters.
        if width == 2, scalars.count == 2, scalars.allSatisfy({ (0x1F1E6...0x1F1FF).contains($0) && tl_wcwidth($0) == 1 }) {
            return [([scalars[0]], 1), ([scalars[1]], 1)]
        }
        // ⚠️ and the like: the text form, padded.
        if baseWidth >= 1 && baseWidth < width { return [([base], baseWidth)] + blanks(width - baseWidth) }
        return [([0xFFFD], 1)] + blanks(width - 1)  // libc does not know it, or thinks it wider
    }

    private static func blanks(_ n: Int) -> [(scalars: [wchar_t], width: Int)] {
        Array(repeating: ([32], 1), count: max(0, n))
    }

    private func put(_ scalars: [wchar_t], x: Int32, y: Int32, look: (attributes: attr_t, pair: Int16)) {
        var text = scalars + [0]
        var cc = cchar_t()
        _ = setcchar(&cc, &text, look.attributes, look.pair, nil)
        _ = mvwadd_wch(tl_stdscr(), y, x, &cc)
    }

    private mutating func look(_ style: Style) -> (attributes: attr_t, pair: Int16) {
        if let known = looks[style] { return known }
        let appearance = profile.appearance(of: style)
        var bits = tl_attr_normal()
        if appearance.attributes.contains(.bold) { bits |= tl_attr_bold() }
        if appearance.attributes.contains(.underline) { bits |= tl_attr_underline() }
        if appearance.attributes.contains(.reverse) { bits |= tl_attr_reverse() }
        if appearance.attributes.contains(.dim) { bits |= tl_attr_dim() }
        var pair: Int16 = 0
        if profile.depth != .mono {
            let fg = colorNumber(appearance.foreground, isBackground: false)
            let bg = colorNumber(appearance.background, isBackground: true)
            if fg != -1 || bg != -1 {
                let allocated = alloc_pair(fg, bg)
                pair = allocated > 0 && allocated <= Int32(Int16.max) ? Int16(allocated) : 0
            }
        }
        looks[style] = (bits, pair)
        return (bits, pair)
    }

    private func colorNumber(_ color: Color, isBackground: Bool) -> Int32 {
        let available = tl_colors()
        switch color {
        case .terminalDefault: return defaultColors ? -1 : (isBackground ? 0 : 7)
        case .ansi(let n): return Int32(n) < available ? Int32(n) : Int32(n % 8)
        case .indexed(let n): return Int32(n) < available ? Int32(n) : Int32(n % 8)
        }
    }
}
