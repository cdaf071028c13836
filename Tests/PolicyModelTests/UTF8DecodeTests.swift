import Testing
@testable import PolicyModel

@Suite("UTF-8 decoding")
struct UTF8DecodeTests {
    static func both(_ bytes: [UInt8]) -> (fast: [Unicode.Scalar], repaired: [Unicode.Scalar]) {
        var fast: [Unicode.Scalar] = ["x"], repaired: [Unicode.Scalar] = ["x"]
        bytes.withUnsafeBufferPointer {
            Tokenizer.decode($0, into: &fast)
            Tokenizer.repairingDecode($0, into: &repaired)
        }
        return (fast, repaired)
    }

    /// Decoding well-formed text directly gives what the repairing decoder gives, on any bytes:
    /// text in several scripts, cut anywhere, with bytes changed at random.
    @Test func theDirectDecodingAgreesWithTheRepairingOneOnAnyBytes() {
        let text = Array("Terms § 4.3 “opt out” — 用户协议 第四条 🙂 naïve ｆｕｌｌ \u{10FFFF}".utf8)
        var rng = SystemRandomNumberGenerator()
        var cases: [[UInt8]] = [text, [], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80],
                                [0xF0, 0x8F, 0xBF, 0xBF], [0xF5, 0x80], [0x80], [0xE2, 0x82], [0xFF, 0x41]]
        for cut in 0...text.count { cases.append(Array(text.prefix(cut))) }
        for _ in 0..<5_000 {
            var bytes = text
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            cases.append(bytes)
        }
        for bytes in cases {
            let (fast, repaired) = Self.both(bytes)
            #expect(fast == repaired, "\(bytes)")
        }
    }
}
