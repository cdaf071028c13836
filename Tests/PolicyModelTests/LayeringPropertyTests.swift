import Testing
@testable import PolicyModel

/// Layering on random stacks of layers, as DESIGN §3 documents it: a vendor in a later
/// layer replaces the earlier one whole, questions come from the last layer that has
/// them. So stacking is associative: [A, B, C] loads as [A+B, C] and as [A, B+C], where
/// X+Y is the layer holding Y's vendor folders and X's others.
@Suite("Layering properties")
struct LayeringPropertyTests {
    typealias Files = [String: String]
    static let vendorIDs = ["alpha", "beta", "gamma", "delta"]

    /// A random layer: some vendors (each with a document and a verdict that name the
    /// layer), sometimes a questions.yaml.
    static func layer(_ tag: String, _ rng: inout SeededGenerator) -> Files {
        var files: Files = [:]
        if Bool.random(using: &rng) {
            let extra = Bool.random(using: &rng) ? "  - {id: retention, title: Kept \(tag)?}\n" : ""
            files["questions.yaml"] = "questions:\n  - {id: train, title: Trains \(tag)?}\n" + extra
        }
        for id in vendorIDs where Int.random(in: 0..<3, using: &rng) == 0 {
            let base = "vendors/\(id)/"
            let surface = ["api", "consumer"].randomElement(using: &rng)!
            files[base + "vendor.yaml"] = "id: \(id)\nname: \(id) from \(tag)\nsurfaces: [{id: \(surface), name: S}]\n"
            if Bool.random(using: &rng) {
                let doc = "terms-\(tag)"
                files[base + "documents/\(doc)/document.yaml"] = "title: Terms\ntype: Terms of Service\nlanguage: en\n"
                files[base + "documents/\(doc)/2026-0\(Int.random(in: 1...9, using: &rng))-01.md"] = "We train on inputs (\(tag)).\n"
                let answer = ["yes", "no", "silent"].randomElement(using: &rng)!
                files[base + "verdicts.yaml"] = """
                verdicts:
                  - {surface: \(surface), question: train, answer: \(answer), summary: From \(tag)., as_of: 2026-01-01, examined: [\(doc)]}
                """
            }
        }
        return files
    }

    /// `over` stacked on `under` as one layer.
    static func merge(_ under: Files, _ over: Files) -> Files {
        func vendor(of path: String) -> String? {
            let parts = path.split(separator: "/")
            return parts.count >= 3 && parts[0] == "vendors" ? String(parts[1]) : nil
        }
        let replaced = Set(over.keys.compactMap(vendor(of:)))
        var out = under.filter { vendor(of: $0.key).map { !replaced.contains($0) } ?? true }
        if over["questions.yaml"] != nil { out["questions.yaml"] = nil }
        out.merge(over) { _, new in new }
        return out
    }

    /// What a catalog holds, without where it was read from.
    static func summary(_ layers: [Files]) -> [String] {
        let catalog = CatalogLoader.load(layers: layers.enumerated().map { InMemoryLayer(label: "L\($0.offset)", files: $0.element) },
                                         sourceRoots: [])
        var lines = catalog.questions.map { "question \($0.id): \($0.title.text())" }
        for v in catalog.vendors.sorted(by: { $0.id < $1.id }) {
            lines.append("vendor \(v.id): \(v.name) \(v.surfaces.map(\.id))")
            lines += v.documents.map { "  document \($0.id) \($0.versions.map(\.date.description))" }
            lines += v.verdicts.map { "  verdict \($0.surface)/\($0.question): \($0.answer.rawValue) \($0.summary.text())" }
        }
        return lines
    }

    @Test func stackingIsAssociativeAndTheLastLayerWins() {
        var rng = SeededGenerator(seed: 0x1A7E_0001)
        for round in 0..<150 {
            let (a, b, c) = (Self.layer("a\(round)", &rng), Self.layer("b\(round)", &rng), Self.layer("c\(round)", &rng))
            let stacked = Self.summary([a, b, c])
            #expect(Self.summary([Self.merge(a, b), c]) == stacked, "round \(round)")
            #expect(Self.summary([a, Self.merge(b, c)]) == stacked, "round \(round)")
            #expect(Self.summary([Self.merge(Self.merge(a, b), c)]) == stacked, "round \(round)")
            // Each vendor is the one of the last layer that has it, whole.
            for id in Self.vendorIDs {
                let owner = [a, b, c].last { $0["vendors/\(id)/vendor.yaml"] != nil }
                let line = stacked.first { $0.hasPrefix("vendor \(id):") }
                #expect((owner == nil) == (line == nil), "round \(round), \(id)")
                if let owner, let line {
                    #expect(owner["vendors/\(id)/vendor.yaml"]!.contains(String(line.split(separator: " ")[4])), "round \(round): \(line)")
                }
            }
        }
    }
}
