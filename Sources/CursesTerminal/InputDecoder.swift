import CNcursesW
import TerminalUI

/// Turns what `wget_wch` returns into keys.
enum InputDecoder {
    /// A character code (`wget_wch` returned OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0...31: return nil
        default:
            // C1 controls and surrogates never become text.
            guard !(0x80...0x9F).contains(code), let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function key code (`wget_wch` returned KEY_CODE_YES); KEY_RESIZE is
    /// handled by the caller.
    static func functionKey(_ code: UInt32) -> Key? {
        switch Int32(truncatingIfNeeded: code) {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME, KEY_A1: .home
        case KEY_END, KEY_C1: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_IC: .insert
        case let k where k > tl_key_f(0) && k <= tl_key_f(24): .function(Int(k - tl_key_f(0)))
        default: nil
        }
    }
}

extension InputDecoder {
    /// A mouse report (`getmouse` after KEY_MOUSE): a press of the first button is a click,
    /// buttons 4 and 5 the wheel; anything else (releases, other buttons) is dropped.
    static func mouse(buttons: mmask_t, x: Int32, y: Int32) -> Mouse? {
        let kind: Mouse.Kind
        if buttons & (tl_button1_pressed() | tl_button1_clicked()) != 0 {
            kind = .click
        } else if buttons & tl_button4_pressed() != 0 {
            kind = .wheelUp
        } else if buttons & tl_button5_pressed() != 0 {
            kind = .wheelDown
        } else {
            return nil
        }
        return Mouse(kind, x: Int(x), y: Int(y))
    }
}
