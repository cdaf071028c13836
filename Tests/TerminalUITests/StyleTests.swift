import Testing
import TerminalUI

@Suite struct StyleTests {
    @Test(arguments: Role.allCases)
    func monoUsesOnlyReverseBoldAndUnderline(_ role: Role) {
        let a = ColorProfile.mono.appearance(of: Style(role, [.dim]))
        #expect(a.foreground == .terminalDefault && a.background == .terminalDefault)
        #expect(a.attributes.isSubset(of: [.reverse, .bold, .underline]))
    }

    @Test func monoKeepsTheRolesThatMatterDistinct() {
        let p = ColorProfile.mono
        let looks = [Role.normal, .selection, .highlight, .strongHighlight, .match, .heading].map { p.appearance(of: Style($0)) }
        #expect(Set(looks).count == looks.count)
        #expect(p.appearance(of: Style(.selection)).attributes.contains(.reverse))
        #expect(p.appearance(of: Style(.statusBar)).attributes.contains(.reverse))
    }

    @Test(arguments: [ColorDepth.ansi16, .ansi256])
    func colourProfilesGiveEveryToneItsOwnLook(_ depth: ColorDepth) {
        let p = ColorProfile(depth)
        let tones: [Role] = [.favourable, .unfavourable, .mixed, .neutral]
        #expect(Set(tones.map { p.appearance(of: Style($0)) }).count == tones.count)
        // Diff tools' colours: added as good news, removed as bad.
        #expect(p.appearance(of: Style(.added)) == p.appearance(of: Style(.favourable)))
        #expect(p.appearance(of: Style(.removed)) == p.appearance(of: Style(.unfavourable)))
        for role in Role.allCases {
            let a = p.appearance(of: Style(role))
            for color in [a.foreground, a.background] {
                if case .ansi(let n) = color { #expect(n < 16) }
                if depth == .ansi16, case .indexed = color { Issue.record("256-colour index in 16-colour profile for \(role)") }
            }
        }
    }

    @Test func extraAttributesAreAdded() {
        #expect(ColorProfile(.ansi256).appearance(of: Style(.normal, [.bold, .underline])).attributes == [.bold, .underline])
    }

    @Test func detectHonoursNoColorAndTheTerminal() {
        #expect(ColorProfile.detect(hasColors: true, colors: 256, noColorEnvironment: nil, noColorFlag: false).depth == .ansi256)
        #expect(ColorProfile.detect(hasColors: true, colors: 16, noColorEnvironment: "", noColorFlag: false).depth == .ansi16)
        #expect(ColorProfile.detect(hasColors: true, colors: 8, noColorEnvironment: nil, noColorFlag: false).depth == .ansi16)
        #expect(ColorProfile.detect(hasColors: true, colors: 256, noColorEnvironment: "1", noColorFlag: false).depth == .mono)
        #expect(ColorProfile.detect(hasColors: true, colors: 256, noColorEnvironment: nil, noColorFlag: true).depth == .mono)
        #expect(ColorProfile.detect(hasColors: false, colors: 0, noColorEnvironment: nil, noColorFlag: false).depth == .mono)
    }
}
