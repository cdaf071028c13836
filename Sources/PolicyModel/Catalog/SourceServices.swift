/// Makes every `<Service>/<Terms Type>` of the loaded sources browsable (DESIGN §2). A service
/// that some vendor's `document.yaml` binds, or whose name makes a vendor's id (`Google`),
/// belongs to that vendor: its other terms types become documents without analysis. Any other
/// service becomes a vendor without verdicts, its id made from its name (`GitHub Copilot` →
/// `github-copilot`, `智谱清言` → `智谱清言`: `Slug`), each terms type a document (`Privacy Policy` →
/// `privacy-policy`). Names that make the same id (`Kimi AI`, `Kimi.AI`) are told apart by a
/// suffix in the order of the names (`kimi-ai`, `kimi-ai-2`), so the same sources always give
/// the same ids.
enum SourceServices {
    /// `vendors` in order (analysed ones); returns them with unbound documents added, followed
    /// by the vendors made for unbound services (sorted by name).
    static func attach(_ sources: OTASources, to vendors: [Vendor]) -> [Vendor] {
        var vendors = vendors
        var bound = Set<OTASources.Key>()
        var owner: [String: Int] = [:]
        for (i, vendor) in vendors.enumerated() {
            for doc in vendor.documents {
                guard let ota = doc.ota else { continue }
                for service in ota.services {
                    bound.insert(OTASources.Key(service: service, type: ota.type))
                    if owner[service] == nil { owner[service] = i }
                }
            }
        }
        var takenVendorIDs = Set(vendors.map(\.id))
        var made: [String: Int] = [:] // service → index in `extra`
        var extra: [Vendor] = []
        for key in sources.keys where !bound.contains(key) {
            // Bound by a vendor, or named like one (`Google`, `OpenAI`): that vendor's.
            if let i = owner[key.service] ?? vendors.firstIndex(where: { $0.id == Slug.make(key.service) }) {
                let taken = Set(vendors[i].documents.map(\.id) + vendors[i].surfaces.map(\.id))
                let id = documentID(key, taken: taken)
                vendors[i].documents.append(document(key, id: id, vendor: vendors[i].id, sources: sources))
                continue
            }
            let index: Int
            if let known = made[key.service] {
                index = known
            } else {
                let id = unique(Slug.make(key.service), fallback: "service", taken: takenVendorIDs)
                takenVendorIDs.insert(id)
                extra.append(Vendor(id: id, name: key.service, legalName: nil, country: nil, homepage: nil, contacts: [],
                                    surfaces: [], events: [], documents: [], verdicts: [],
                                    origin: sources.root(of: key) ?? "sources", analysed: false))
                index = extra.count - 1
                made[key.service] = index
            }
            let id = documentID(key, taken: Set(extra[index].documents.map(\.id)))
            extra[index].documents.append(document(key, id: id, vendor: extra[index].id, sources: sources))
        }
        extra.sort { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        var all = vendors + extra
        // Analysed documents first (primary, then secondary), then the others, each by id.
        for i in all.indices {
            all[i].documents.sort { ($0.analysed ? 0 : 1, $0.role == .secondary ? 1 : 0, $0.id) < ($1.analysed ? 0 : 1, $1.role == .secondary ? 1 : 0, $1.id) }
        }
        return all
    }

    private static func document(_ key: OTASources.Key, id: String, vendor: String, sources: OTASources) -> PolicyDocument {
        let binding = OTABinding(services: [key.service], type: key.type)
        let location = SourceLocation(file: (sources.root(of: key) ?? "sources") + "/" + key.service + "/" + key.type)
        return PolicyDocument(vendor: vendor, id: id, title: LocalizedText(key.service + " " + key.type), type: key.type,
                              language: "und", surfaces: [], url: nil, source: "Open Terms Archive contributors (ODC-BY 1.0)",
                              role: .primary, ota: binding, versions: sources.versions(for: binding), location: location,
                              analysed: false)
    }

    /// The terms type's slug; when a document or surface of the vendor has it already, the
    /// service's name goes in front (`chatgpt-privacy-policy`).
    private static func documentID(_ key: OTASources.Key, taken: Set<String>) -> String {
        let plain = Slug.make(key.type)
        if !plain.isEmpty && !taken.contains(plain) { return plain }
        return unique(Slug.make(key.service + " " + key.type), fallback: "document", taken: taken)
    }

    /// `base`, or `base-2`, `base-3`… when taken; `fallback` when the name has no letter or
    /// digit to make an id from (`★`).
    static func unique(_ base: String, fallback: String, taken: Set<String>) -> String {
        let stem = base.isEmpty ? fallback : base
        if !taken.contains(stem) { return stem }
        var n = 2
        while taken.contains("\(stem)-\(n)") { n += 1 }
        return "\(stem)-\(n)"
    }
}
