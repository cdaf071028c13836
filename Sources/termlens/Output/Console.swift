import Foundation

/// Writes to stdout and stderr. A closed pipe (`termlens show | head -1`) ends the process quietly.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func out(_ line: String = "") {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count > 1 << 16 { flush() }
    }

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    static func flush() {
        guard !buffer.isEmpty else { return }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Foundation.write(STDOUT_FILENO, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if n <= 0 {
                    if n < 0 && errno == EINTR { continue }
                    // EPIPE or another failure: the reader has gone; stop without a fuss.
                    exit(0)
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    static func error(_ line: String) {
        flush()
        var bytes = Array(line.utf8)
        bytes.append(10)
        _ = bytes.withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}

/// ANSI styling for text output on a terminal; plain text otherwise.
struct TextStyle {
    let enabled: Bool

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func match(_ s: String) -> String { wrap(s, "1;31") }
    func path(_ s: String) -> String { wrap(s, "35") }
    func number(_ s: String) -> String { wrap(s, "32") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
