/// A terminal colour.
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background (ncurses -1).
    case terminalDefault
    /// One of the 16 ANSI colours (0–7 normal, 8–15 bright).
    case ansi(UInt8)
    /// One of the 256 xterm colours.
    case indexed(UInt8)
}

/// How one style is drawn.
public struct Appearance: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(_ foreground: Color = .terminalDefault, _ background: Color = .terminalDefault, _ attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

public enum ColorDepth: String, Hashable, Sendable {
    case mono, ansi16, ansi256
}

/// Maps roles to colours and attributes. Mono uses only bold, underline and
/// reverse, so nothing depends on colour; in colour profiles the meaning is
/// still carried by text (answers are always written out, diffs marked in words
/// without colour). Green is good for the user and added text, red bad and removed.
public struct ColorProfile: Hashable, Sendable {
    public let depth: ColorDepth

    public init(_ depth: ColorDepth) { self.depth = depth }

    public static let mono = ColorProfile(.mono)

    /// The profile for a terminal with `colors` colours. `NO_COLOR` (any
    /// non-empty value, see no-color.org) or an explicit flag gives mono.
    public static func detect(hasColors: Bool, colors: Int, noColorEnvironment: String?, noColorFlag: Bool) -> ColorProfile {
        if noColorFlag || !(noColorEnvironment ?? "").isEmpty || !hasColors || colors < 8 { return .mono }
        return ColorProfile(colors >= 256 ? .ansi256 : .ansi16)
    }

    public func appearance(of style: Style) -> Appearance {
        var base: Appearance
        switch depth {
        case .mono: base = Appearance(.terminalDefault, .terminalDefault, Self.monoAttributes(style.role))
        case .ansi16: base = Self.ansi16(style.role)
        case .ansi256: base = Self.ansi256(style.role)
        }
        base.attributes.formUnion(depth == .mono ? style.attributes.subtracting(.dim) : style.attributes)
        return base
    }

    static func monoAttributes(_ role: Role) -> Attributes {
        switch role {
        case .normal, .dim, .border, .added, .removed: []
        case .heading, .title, .prompt, .warning, .selectionInactive, .favourable, .unfavourable, .mixed, .neutral: .bold
        case .error: [.bold, .underline]
        case .highlight, .link: .underline
        case .strongHighlight: [.reverse, .underline]
        case .match: [.bold, .underline]
        case .selection, .statusBar, .cursor: .reverse
        case .statusKey: [.reverse, .bold]
        }
    }

    static func ansi16(_ role: Role) -> Appearance {
        switch role {
        case .normal: Appearance()
        case .dim: Appearance(.ansi(8))
        case .heading: Appearance(.ansi(6), .terminalDefault, .bold)
        case .title: Appearance(.terminalDefault, .terminalDefault, .bold)
        case .border: Appearance(.ansi(8))
        case .selection: Appearance(.ansi(0), .ansi(6))
        case .selectionInactive: Appearance(.ansi(0), .ansi(7))
        case .highlight: Appearance(.ansi(0), .ansi(3))
        case .strongHighlight: Appearance(.ansi(0), .ansi(11), .bold)
        case .match: Appearance(.ansi(0), .ansi(13), .bold)
        case .favourable, .added: Appearance(.ansi(2))
        case .unfavourable, .removed: Appearance(.ansi(1))
        case .mixed: Appearance(.ansi(3))
        case .neutral: Appearance()
        case .statusBar: Appearance(.ansi(0), .ansi(7))
        case .statusKey: Appearance(.ansi(0), .ansi(7), .bold)
        case .prompt: Appearance(.ansi(6), .terminalDefault, .bold)
        case .cursor: Appearance(.terminalDefault, .terminalDefault, .reverse)
        case .error: Appearance(.ansi(9), .terminalDefault, .bold)
        case .warning: Appearance(.ansi(3))
        case .link: Appearance(.ansi(4), .terminalDefault, .underline)
        }
    }

    static func ansi256(_ role: Role) -> Appearance {
        switch role {
        case .dim: Appearance(.indexed(245))
        case .heading: Appearance(.indexed(75), .terminalDefault, .bold)
        case .border: Appearance(.indexed(240))
        case .selection: Appearance(.indexed(231), .indexed(25))
        case .selectionInactive: Appearance(.indexed(231), .indexed(238))
        case .highlight: Appearance(.indexed(16), .indexed(222))
        case .strongHighlight: Appearance(.indexed(16), .indexed(214), .bold)
        case .match: Appearance(.indexed(16), .indexed(183), .bold)
        case .favourable, .added: Appearance(.indexed(78))
        case .unfavourable, .removed: Appearance(.indexed(203))
        case .mixed: Appearance(.indexed(220))
        case .statusBar: Appearance(.indexed(252), .indexed(236))
        case .statusKey: Appearance(.indexed(229), .indexed(236), .bold)
        case .link: Appearance(.indexed(110), .terminalDefault, .underline)
        default: ansi16(role)
        }
    }
}
