import Foundation
import Testing
@testable import TerminalUI

@Suite("Clipboard (OSC 52)")
struct ClipboardTests {
    @Test func base64MatchesTheRFCVectors() {
        // RFC 4648 §10.
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors { #expect(Clipboard.base64(Array(plain.utf8)) == encoded) }
    }

    @Test func base64AgreesWithFoundationOnChineseAndEveryByte() {
        let text = "“如您拒绝我们按照上述方式处理数据” — DeepSeek §4.3 ✓"
        #expect(Clipboard.base64(Array(text.utf8)) == Data(text.utf8).base64EncodedString())
        let bytes = (0...255).map(UInt8.init)
        for n in 0..<bytes.count { #expect(Clipboard.base64(Array(bytes.prefix(n))) == Data(bytes.prefix(n)).base64EncodedString()) }
    }

    @Test func theSequenceIsOSC52ToTheClipboard() {
        #expect(Clipboard.osc52("hi") == "\u{1B}]52;c;aGk=\u{07}")
    }
}
