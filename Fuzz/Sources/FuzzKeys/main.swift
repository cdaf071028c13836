// Key input decoding on arbitrary code sequences, fed on to the search prompt
// (where paste bursts and input methods land). The first byte is the prompt's
// width; then each 5-byte record is one `wget_wch` result: a kind byte (bit 0:
// function key, otherwise a character; bits 1-2 fold the code into the range
// of curses key codes or of BMP text) and a 32-bit code. Decoded keys edit a
// PromptState, which is drawn after each key; the cursor must stay inside the
// text and the line, and nothing unsafe may reach the screen.
import FuzzSupport
import TerminalUI
import TextCells

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (selector, rest) = FuzzInput(data, size).head
    let width = Int(selector % 48) + 1
    let records = Array(rest)
    var prompt = PromptState(history: ["training", "训练数据"])
    var buffer = CellBuffer(width: width, height: 1)
    var i = 0
    while i + 5 <= records.count {
        let kind = records[i]
        var code = UInt32(records[i + 1]) | UInt32(records[i + 2]) << 8 | UInt32(records[i + 3]) << 16 | UInt32(records[i + 4]) << 24
        switch (kind >> 1) & 3 {
        case 1: code %= 0x200    // curses KEY_* codes
        case 2: code %= 0x3100   // Latin, combining marks, CJK punctuation
        default: break
        }
        i += 5
        let key = kind & 1 == 1 ? InputDecoder.functionKey(code) : InputDecoder.character(code)
        guard let key else { continue }
        _ = key.name
        _ = prompt.handle(key)
        require(prompt.cursor >= 0 && prompt.cursor <= prompt.text.count, "cursor \(prompt.cursor) in \(prompt.text.count) graphemes")
        let column = PromptLine.render(prefix: "/", state: prompt, in: buffer.bounds, into: &buffer)
        require(column >= 0 && column < max(1, width), "cursor column \(column) at width \(width)")
        // Whatever was typed or pasted (escape, bidi controls), nothing unsafe reaches the screen.
        for x in 0..<width {
            require(!buffer[x, 0].character.unicodeScalars.contains(where: Sanitizer.isUnsafe), "unsafe cell at \(x)")
        }
    }
    return 0
}

runFuzzer(fuzzOne)
