import Foundation

/// The files of one analysis layer: a folder on disk, or the bundled data embedded in the binary.
public protocol LayerFiles: Sendable {
    /// Shown in messages and JSON: the folder's path, or `embedded:Data`.
    var label: String { get }
    /// Paths relative to the layer root, `/`-separated, sorted.
    func listFiles(diagnostics: inout [Diagnostic]) -> [String]
    /// Raw bytes of one file.
    func read(_ relativePath: String) throws -> [UInt8]
    /// The path shown to people for a file of this layer (absolute for folders).
    func displayPath(_ relativePath: String) -> String
}

/// A layer held in memory (the bundled data, or tests' fixtures).
public struct InMemoryLayer: LayerFiles {
    public let label: String
    /// Where the files live on disk, when they do (the source tree of the bundled data).
    public let diskRoot: String?
    private let files: [String: [UInt8]]

    public init(label: String, diskRoot: String? = nil, files: [String: String]) {
        self.label = label
        self.diskRoot = diskRoot
        self.files = files.mapValues { Array($0.utf8) }
    }

    public func listFiles(diagnostics: inout [Diagnostic]) -> [String] { files.keys.sorted() }

    public func read(_ relativePath: String) throws -> [UInt8] {
        guard let bytes = files[relativePath] else { throw LayerReadError.missing(relativePath) }
        return bytes
    }

    public func displayPath(_ relativePath: String) -> String {
        if let diskRoot { return diskRoot + "/" + relativePath }
        return label + "/" + relativePath
    }
}

enum LayerReadError: Error, CustomStringConvertible {
    case missing(String)
    case unreadable(String, String)

    var description: String {
        switch self {
        case .missing(let path): return "no such file: \(path)"
        case .unreadable(let path, let why): return "cannot read \(path): \(why)"
        }
    }
}

/// A layer folder on disk. Symbolic links are followed once; a link that leads back
/// into a folder already being walked is reported instead of looping.
public struct DirectoryLayer: LayerFiles {
    public let root: String
    public var label: String { root }

    public init(root: String) {
        self.root = FileWalker.absolute(root)
    }

    public func listFiles(diagnostics: inout [Diagnostic]) -> [String] {
        var walker = FileWalker(root: root)
        let files = walker.walk()
        diagnostics += walker.problems.map { Diagnostic(.error, SourceLocation(file: $0.path), $0.message) }
        return files
    }

    public func read(_ relativePath: String) throws -> [UInt8] {
        try FileWalker.readBytes(root + "/" + relativePath)
    }

    public func displayPath(_ relativePath: String) -> String { root + "/" + relativePath }
}
