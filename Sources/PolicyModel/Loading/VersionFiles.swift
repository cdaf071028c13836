/// Reads the bytes of a source version, from its file or, for a git versions repository, from
/// the repository's objects. (Versions carried in an analysis layer are read through the layer.)
enum VersionFiles {
    static func read(_ version: DocumentVersion) throws -> [UInt8] {
        if let git = version.git { return try GitBlobReader.shared(git.repository).contents(of: git.blob) }
        return try FileWalker.readBytes(version.path)
    }

    /// Bytes `range` (fewer at the end), or nil when it cannot be read.
    static func readRange(_ version: DocumentVersion, _ range: Range<Int>) -> [UInt8]? {
        guard version.git != nil else { return FileWalker.readRange(version.path, range) }
        guard let all = try? read(version) else { return nil }
        return Array(all[min(range.lowerBound, all.count)..<min(range.upperBound, all.count)])
    }
}
