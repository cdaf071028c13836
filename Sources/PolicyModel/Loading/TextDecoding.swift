/// Turns file bytes into text, or says exactly where they are not valid UTF-8 text.
public enum TextDecoding {
    public struct Failure: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) {
            return .success(text)
        }
        return .failure(locateProblem(bytes))
    }

    /// The slow path: walk the bytes to name the line and column of the first bad one.
    private static func locateProblem(_ bytes: [UInt8]) -> Failure {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    return Failure(line: line, column: column, message: "NUL byte in text (is this a binary file?)")
                }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return Failure(line: line, column: column, message: "not valid text")
            case .error:
                return Failure(line: line, column: column, message: "not valid UTF-8 text (save the file as UTF-8)")
            }
        }
    }
}
