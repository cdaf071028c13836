import Foundation

/// Everything termlens knows: the merged analysis layers, bound to the loaded sources.
/// Texts are read on first use and kept.
public final class Catalog: @unchecked Sendable {
    public let questions: [Question]
    public let vendors: [Vendor]
    public let sources: OTASources
    /// Problems found while loading and cross-checking (not anchoring: see `check`).
    public let diagnostics: [Diagnostic]
    /// The layers, bundled first.
    public let layerLabels: [String]

    private let dataFiles: [String: (layer: any LayerFiles, relative: String)]
    /// Guards `prepared` and `textErrors`, the only state that changes after loading (the
    /// compiler cannot see that the lock does: hence the unchecked Sendable).
    private let lock = NSLock()
    private var prepared: [String: PreparedText] = [:]
    private var textErrors: [String: String] = [:]

    init(questions: [Question], vendors: [Vendor], sources: OTASources, diagnostics: [Diagnostic],
         layerLabels: [String], dataFiles: [String: (layer: any LayerFiles, relative: String)]) {
        self.questions = questions
        self.vendors = vendors
        self.sources = sources
        self.diagnostics = diagnostics
        self.layerLabels = layerLabels
        self.dataFiles = dataFiles
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public func vendor(_ id: String) -> Vendor? { vendors.first { $0.id == id } }
    /// The vendors of the analysis layers, in their fixed order (the rest are services of the
    /// loaded sources without verdicts, which follow them in `vendors`).
    public var analysedVendors: [Vendor] { vendors.filter(\.analysed) }
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// A document by `vendor/doc`.
    public func document(_ ref: String) -> PolicyDocument? {
        let parts = ref.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        return vendor(parts[0])?.document(parts[1])
    }

    public func document(vendor: String, id: String) -> PolicyDocument? { self.vendor(vendor)?.document(id) }

    /// The text of a version, read once and kept, with its normalized form and sections.
    public func text(of version: DocumentVersion) -> Result<PreparedText, TextLoadError> {
        lock.lock()
        if let cached = prepared[version.path] { lock.unlock(); return .success(cached) }
        if let error = textErrors[version.path] { lock.unlock(); return .failure(TextLoadError(path: version.path, message: error)) }
        lock.unlock()

        let result = load(version)
        lock.lock()
        defer { lock.unlock() }
        switch result {
        case .success(let text):
            let prep = PreparedText(text)
            prepared[version.path] = prep
            return .success(prep)
        case .failure(let error):
            textErrors[version.path] = error.message
            return .failure(error)
        }
    }

    /// The text `text(of:)` has already read, if it has: a lookup that never reads a file.
    public func loadedText(of version: DocumentVersion) -> PreparedText? {
        lock.lock()
        defer { lock.unlock() }
        return prepared[version.path]
    }

    /// The bytes of a version file, read without keeping them (for the search index).
    public func rawBytes(of version: DocumentVersion) -> [UInt8]? {
        if let entry = dataFiles[version.path] { return try? entry.layer.read(entry.relative) }
        return try? VersionFiles.read(version)
    }

    private func load(_ version: DocumentVersion) -> Result<String, TextLoadError> {
        let bytes: [UInt8]
        do {
            if let entry = dataFiles[version.path] {
                bytes = try entry.layer.read(entry.relative)
            } else {
                bytes = try VersionFiles.read(version)
            }
        } catch {
            return .failure(TextLoadError(path: version.path, message: "\(error)"))
        }
        switch TextDecoding.decode(bytes) {
        case .success(let text): return .success(text)
        case .failure(let f): return .failure(TextLoadError(path: version.path, message: f.message, line: f.line, column: f.column))
        }
    }
}

public struct TextLoadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var line: Int?
    public var column: Int?
    public var location: SourceLocation { SourceLocation(file: path, line: line, column: column) }
    public var description: String { "\(location): \(message)" }
}
