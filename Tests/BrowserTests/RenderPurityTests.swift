import Foundation
import Testing
@testable import Browser
import PolicyModel
import TerminalUI

@Suite("Render reads no file")
struct RenderPurityTests {
    /// The fixture catalog from a folder on disk, so reading a text is reading a file.
    static func writeFixture() throws -> String {
        let root = NSTemporaryDirectory() + "termlens-render-" + UUID().uuidString
        for (path, text) in FixtureCatalog.files {
            let full = root + "/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        return root
    }

    @Test func everyViewDrawsTheSameAfterItsFilesAreGone() throws {
        let root = try Self.writeFixture()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let catalog = CatalogLoader.load(layers: [DirectoryLayer(root: root)], sourceRoots: [])
        #expect(catalog.errors.isEmpty)
        // Each view's state reached by keys: update and prepare read what they need.
        let samples = try ViewSamples.all { BrowserModel(catalog: catalog, language: .en) }.joined()
        // The same views over the in-memory catalog draw the reference screens.
        let reference = try ViewSamples.all().joined().map(\.session.text)
        try FileManager.default.removeItem(atPath: root)
        for (sample, expected) in zip(samples, reference) {
            #expect(sample.session.text == expected, "\(sample.name) drew differently without its files")
            #expect(sample.session.model.loadsWhileRendering == 0, "\(sample.name) loaded while drawing")
        }
    }
}
