// The data loader on arbitrary bytes. The first byte picks which file of a small
// valid layer the rest replaces (and whether it comes in a second layer over
// the first); the catalog is then loaded, checked (every quote anchored) and
// exported as JSON. Any input must give diagnostics, never a crash.
import FuzzSupport
import PolicyModel

/// A layer of raw bytes, so that invalid UTF-8 and NUL bytes reach the loader.
struct BytesLayer: LayerFiles {
    let label: String
    let files: [String: [UInt8]]

    func listFiles(diagnostics: inout [Diagnostic]) -> [String] { files.keys.sorted() }
    func read(_ relativePath: String) throws -> [UInt8] {
        guard let bytes = files[relativePath] else { throw Missing() }
        return bytes
    }
    func displayPath(_ relativePath: String) -> String { label + "/" + relativePath }
    struct Missing: Error {}
}

let base: [(path: String, text: String)] = [
    ("questions.yaml", """
    questions:
      - {id: train-on-inputs, title: {en: Are my inputs used for training?, zh: 我的输入会被用于训练吗？}}
      - {id: retention, title: How long are inputs kept?}
    """),
    ("vendors/acme/vendor.yaml", """
    id: acme
    name: Acme AI
    surfaces: [{id: consumer, name: Acme Chat}, {id: api, name: Acme API}]
    events: [{date: 2025-01-02, title: Terms updated, source: https://example.com}]
    """),
    ("vendors/acme/verdicts.yaml", """
    verdicts:
      - surface: consumer
        question: train-on-inputs
        answer: yes
        summary: {en: Inputs train models unless you opt out., zh: 除非退出，否则输入会用于训练。}
        as_of: 2026-01-01
        evidence:
          - {document: terms, quote: We may use Inputs to improve the Services., note: 4.3}
          - {document: acme/terms, version: 2026-01-01, quote: 我们保留30天, prefix: 二、}
      - {surface: api, question: retention, answer: silent, summary: No period given., as_of: 2026-01-01, examined: [terms]}
    """),
    ("vendors/acme/documents/terms/document.yaml", """
    title: {en: Acme Terms, zh: 条款}
    type: Terms of Service
    language: en
    surfaces: [consumer, api]
    """),
    ("vendors/acme/documents/terms/2026-01-01.md", """
    # Acme Terms

    ## 4. Content

    4.3 We may use **Inputs** to improve the [Services](https://example.com). 二、我们保留30天。
    """),
]

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let (selector, rest) = FuzzInput(data, size).head
    let replaced = Int(selector) % base.count
    let layered = selector & 0x80 != 0
    var first = Dictionary(uniqueKeysWithValues: base.map { ($0.path, Array($0.text.utf8)) })
    var layers: [any LayerFiles]
    if layered {
        // A second layer carrying only the fuzzed file (and the vendor it belongs to).
        var second: [String: [UInt8]] = [base[replaced].path: Array(rest)]
        if replaced >= 2 { second["vendors/acme/vendor.yaml"] = first["vendors/acme/vendor.yaml"] }
        layers = [BytesLayer(label: "base", files: first), BytesLayer(label: "over", files: second)]
    } else {
        first[base[replaced].path] = Array(rest)
        layers = [BytesLayer(label: "only", files: first)]
    }
    let catalog = CatalogLoader.load(layers: layers, sourceRoots: [])
    let report = catalog.check(strict: true)
    for diagnostic in report.diagnostics {
        require(!diagnostic.message.isEmpty, "empty diagnostic at \(diagnostic.location)")
        _ = diagnostic.description
    }
    let json = CatalogJSON(catalog: catalog, language: selector & 0x40 == 0 ? .en : .zh)
    for vendor in catalog.vendors { _ = json.vendorDetail(vendor).rendered() }
    return 0
}

runFuzzer(fuzzOne)
