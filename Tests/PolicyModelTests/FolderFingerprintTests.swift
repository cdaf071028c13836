import Foundation
import Testing
@testable import PolicyModel

/// The cache key's view of a source folder: every file's path, size and modification time.
/// A change to any of them must change the fingerprint; reading the folder again must not.
@Suite("Folder fingerprints")
struct FolderFingerprintTests {
    private func folder() throws -> String {
        let root = NSTemporaryDirectory() + "termlens-fingerprint-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/OpenAI/Privacy Policy", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/Mistral/Terms of Service", withIntermediateDirectories: true)
        try "We may use Content to train our models.\n".write(toFile: root + "/OpenAI/Privacy Policy/2025-01-01T00-00-00Z.md", atomically: false, encoding: .utf8)
        try "You may opt out.\n".write(toFile: root + "/Mistral/Terms of Service/2025-02-01T00-00-00Z.md", atomically: false, encoding: .utf8)
        return root
    }

    private func setDate(_ path: String, _ seconds: TimeInterval) throws {
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: seconds)], ofItemAtPath: path)
    }

    @Test func readingAgainGivesTheSameFingerprint() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FolderFingerprint.of(root) == FolderFingerprint.of(root))
    }

    @Test func everyKindOfChangeChangesIt() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/OpenAI/Privacy Policy/2025-01-01T00-00-00Z.md"
        try setDate(file, 1_700_000_000)
        var seen = [FolderFingerprint.of(root)]
        func expectNew(_ what: String) {
            let now = FolderFingerprint.of(root)
            #expect(!seen.contains(now), "\(what) left the fingerprint as it was")
            seen.append(now)
        }
        // Same size, new date (a file written again with the same length).
        try setDate(file, 1_700_000_001)
        expectNew("a new modification time")
        // Same date, new size.
        try "We may use Content to train our models!!\n".write(toFile: file, atomically: false, encoding: .utf8)
        try setDate(file, 1_700_000_001)
        expectNew("a new size")
        // A file added deep down, then renamed, then removed.
        let added = root + "/Mistral/Terms of Service/2025-03-01T00-00-00Z.md"
        try "New terms.\n".write(toFile: added, atomically: false, encoding: .utf8)
        try setDate(added, 1_700_000_000)
        expectNew("a file added")
        let renamed = root + "/Mistral/Terms of Service/2025-03-02T00-00-00Z.md"
        try FileManager.default.moveItem(atPath: added, toPath: renamed)
        expectNew("a file renamed")
        // Two files swapping names (each keeps its size and date) is a change too.
        let other = root + "/Mistral/Terms of Service/2025-02-01T00-00-00Z.md"
        try "Other text, same length\n".write(toFile: renamed, atomically: false, encoding: .utf8)
        try "You may opt out, later.\n".write(toFile: other, atomically: false, encoding: .utf8)
        try setDate(renamed, 1_700_000_100)
        try setDate(other, 1_700_000_200)
        expectNew("two files written")
        try FileManager.default.moveItem(atPath: renamed, toPath: root + "/swap")
        try FileManager.default.moveItem(atPath: other, toPath: renamed)
        try FileManager.default.moveItem(atPath: root + "/swap", toPath: other)
        expectNew("two files swapping names")
        try FileManager.default.removeItem(atPath: renamed)
        expectNew("a file removed")
        // A folder moved: every path under it changes.
        try FileManager.default.moveItem(atPath: root + "/Mistral", toPath: root + "/Mistral AI")
        expectNew("a folder renamed")
    }

    @Test func hiddenFilesAndAMissingFolderAreLeftOut() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = FolderFingerprint.of(root)
        try "editor state".write(toFile: root + "/OpenAI/.swp", atomically: false, encoding: .utf8)
        #expect(FolderFingerprint.of(root) == before)
        #expect(FolderFingerprint.of(root + "/none") == FolderFingerprint.of(root + "/none too"))
        #expect(FolderFingerprint.of(root + "/none") != before)
    }
}
