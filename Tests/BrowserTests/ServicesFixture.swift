import Foundation
@testable import Browser
import PolicyModel

/// The fixture catalog with five services of the sources that none of its vendors binds, one of
/// them named in Chinese: the vendor list shows them under a heading after the three vendors.
extension FixtureCatalog {
    static let serviceFiles: [String: String] = [
        "Quill Notes/Privacy Policy/2025-03-02T09-00-00Z.md": "# Quill Notes Privacy\n\nYour notes.\n",
        "Quill Notes/Privacy Policy/2025-07-14T10-00-00Z.md": "# Quill Notes Privacy\n\nYour notes and usage data.\n",
        "Quill Notes/Terms of Service/2025-03-02T09-05-00Z.md": "# Quill Notes Terms\n\n1. You own your notes.\n",
        "Vela/Terms of Service/2025-01-01T00-00-00Z.md": "# Vela Terms\n\nTerms.\n",
        "Orbit Code/Privacy Policy/2025-02-01T00-00-00Z.md": "# Orbit Privacy\n\nPrivacy.\n",
        "Canvas AI/Terms of Service/2025-04-01T00-00-00Z.md": "# Canvas Terms\n\nTerms.\n",
        "智谱清言/Privacy Policy/2025-05-01T00-00-00Z.md": "# 隐私政策\n\n我们收集你的输入。\n",
    ]

    /// Written once per test run to a folder of its own.
    static let withServices: Catalog = {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("termlens-services-fixture-\(ProcessInfo.processInfo.processIdentifier)").path
        for (path, text) in serviceFiles {
            let file = root + "/" + path
            try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        return CatalogLoader.load(layers: [InMemoryLayer(label: "fixture", files: files)], sourceRoots: [root])
    }()
}
