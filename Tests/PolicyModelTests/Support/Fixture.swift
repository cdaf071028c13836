import Foundation
@testable import PolicyModel

/// A data layer written to a temporary folder for one test.
struct Fixture {
    let root: String

    init(_ files: [String: String] = [:]) throws {
        root = NSTemporaryDirectory() + "termlens-fixture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// The catalog of this layer alone (or over others), with optional source folders.
    func catalog(over layers: [any LayerFiles] = [], sources: [String] = []) -> Catalog {
        CatalogLoader.load(layers: layers + [DirectoryLayer(root: root)], sourceRoots: sources)
    }
}

/// A complete, valid minimal layer: two questions, one vendor with one document carried in the layer.
enum MinimalLayer {
    static let questions = """
    questions:
      - id: train-on-inputs
        title: {en: Are my inputs used to train models?, zh: 我的输入会被用于训练模型吗？}
      - id: retention
        title: Is there a stated limit on how long my inputs are kept?
    """

    static let vendor = """
    id: acme
    name: Acme AI
    country: US
    surfaces:
      - {id: consumer, name: Acme Chat}
      - {id: api, name: Acme API}
    """

    static let document = """
    title: Acme Terms
    type: Terms of Service
    language: en
    surfaces: [consumer, api]
    """

    static let text = """
    Acme Terms of Use
    =================

    ## 4. Content

    4.1 You own your **Inputs**.

    4.3 We may use Inputs to improve the Services. You can opt out by turning off "Improve the model".

    4.4 We keep Inputs for 30 days.
    """

    static let verdicts = """
    verdicts:
      - surface: consumer
        question: train-on-inputs
        answer: yes
        summary: Inputs are used to improve the Services unless you opt out.
        as_of: 2026-01-01
        evidence:
          - document: terms
            quote: We may use Inputs to improve the Services.
            note: 4.3 allows it.
      - surface: api
        question: retention
        answer: silent
        summary: The terms give no period for API inputs.
        as_of: 2026-01-01
        examined: [terms]
    """

    static var files: [String: String] {
        [
            "questions.yaml": questions,
            "vendors/acme/vendor.yaml": vendor,
            "vendors/acme/documents/terms/document.yaml": document,
            "vendors/acme/documents/terms/2026-01-01.md": text,
            "vendors/acme/verdicts.yaml": verdicts,
        ]
    }
}

/// `../shared/ota/sample` beside the package, which CI always has.
enum SharedSample {
    static var path: String {
        let here = URL(fileURLWithPath: #filePath)
        let package = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return package.deletingLastPathComponent().appendingPathComponent("shared/ota/sample").path
    }

    static var exists: Bool { FileManager.default.fileExists(atPath: path + "/DeepSeek") }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
