import BundledData
import Foundation
@testable import Browser
import PolicyModel
import TerminalUI

enum TestCatalog {
    static var sample: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/ota/sample").path
    }
    static var sampleExists: Bool { FileManager.default.fileExists(atPath: sample + "/DeepSeek") }

    nonisolated(unsafe) static let bundled = CatalogLoader.load(layers: [InMemoryLayer(label: "embedded:Data", files: BundledData.files)], sourceRoots: [])
    nonisolated(unsafe) static let withSample = CatalogLoader.load(layers: [InMemoryLayer(label: "embedded:Data", files: BundledData.files)], sourceRoots: [sample])

    static func model(sample: Bool = false, language: Language = .en) -> BrowserModel {
        BrowserModel(catalog: sample ? withSample : bundled, language: language)
    }

    /// A model over the small catalog written for these tests (`FixtureCatalog`).
    static func fixture(language: Language = .en) -> BrowserModel {
        BrowserModel(catalog: FixtureCatalog.catalog, language: language)
    }
}

/// Drives the browser with key names the way a person types, and reads the screen as text.
struct Session {
    let model: BrowserModel
    var state: BrowserState
    var effects: [BrowserEffect] = []

    init(model: BrowserModel, width: Int = 80, height: Int = 24, at target: String? = nil) throws {
        self.model = model
        var start: Target?
        if let target {
            start = try Target.parse(target, in: model.catalog).get()
        }
        state = Browser.start(at: start, model: model, size: Size(width: width, height: height))
    }

    init(model: BrowserModel, state: BrowserState) {
        self.model = model
        self.state = state
    }

    /// Keys by name, separated by spaces: "j j Enter < C-o ? Esc".
    mutating func type(_ names: String) {
        for name in names.split(separator: " ") {
            guard let key = Key(name: String(name)) else {
                preconditionFailure("unknown key name \(name) in a test script")
            }
            press(key)
        }
    }

    mutating func press(_ key: Key) {
        effects.append(Browser.update(&state, .key(key), model: model))
        Browser.settle(&state, model: model)
    }

    /// Types text into the prompt one character at a time, searching after each.
    mutating func typeText(_ text: String) {
        for ch in text {
            effects.append(Browser.update(&state, .key(.character(ch)), model: model))
            Browser.settle(&state, model: model)
        }
    }

    mutating func resize(_ width: Int, _ height: Int) {
        effects.append(Browser.update(&state, .resize(Size(width: width, height: height)), model: model))
    }

    var screen: CellBuffer { Browser.render(state, model: model) }
    var lines: [String] { screen.textLines(trimmed: true) }
    var text: String { lines.joined(separator: "\n") }
}
