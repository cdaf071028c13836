/// The bytes libFuzzer hands to a target, with the ways the targets cut them up.
public struct FuzzInput {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The first byte (a mode or a width), and the rest.
    public var head: (selector: UInt8, rest: ArraySlice<UInt8>) {
        guard let first = bytes.first else { return (0, []) }
        return (first, bytes.dropFirst())
    }

    /// Pieces between 0xFF bytes, which never occur in UTF-8 text, padded with
    /// empty pieces to at least `count`.
    public func pieces(atLeast count: Int) -> [ArraySlice<UInt8>] {
        var out = bytes.split(separator: 0xFF, omittingEmptySubsequences: false)
        while out.count < count { out.append([]) }
        return out
    }
}

extension Collection<UInt8> {
    /// The bytes as text, invalid UTF-8 repaired (U+FFFD) as any text read from the web would be.
    public var text: String { String(decoding: self, as: UTF8.self) }
}

/// Stops the run with a message libFuzzer records next to the crashing input.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #file, line: UInt = #line) {
    if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
}
