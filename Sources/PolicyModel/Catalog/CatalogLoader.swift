/// Builds a `Catalog` from analysis layers (bundled first, later layers win) and source folders.
public enum CatalogLoader {
    /// `today` bounds `as_of` and event dates (the system clock's date unless a test pins it).
    /// `cacheFolder` keeps what was read from git versions repositories (see `GitVersionCache`).
    public static func load(layers: [any LayerFiles], sourceRoots: [String], today: SimpleDate = .today(),
                            cacheFolder: String? = nil) -> Catalog {
        var diagnostics: [Diagnostic] = []
        var questions: [Question] = []
        var questionsFound = false
        var vendors: [String: Vendor] = [:]
        var order: [String] = []
        var dataFiles: [String: (layer: any LayerFiles, relative: String)] = [:]

        for layer in layers {
            var loader = LayerLoader(layer: layer)
            let contents = loader.load()
            diagnostics += loader.diagnostics
            if let q = contents.questions {
                questions = q
                questionsFound = true
            }
            // A vendor in a later layer replaces the earlier one whole.
            for (id, vendor) in contents.vendors {
                if vendors[id] == nil { order.append(id) }
                vendors[id] = vendor
            }
            for (shown, relative) in contents.dataFiles { dataFiles[shown] = (layer, relative) }
        }
        if !questionsFound {
            diagnostics.append(Diagnostic(.error, SourceLocation(file: layers.last?.label ?? "data"), "no questions.yaml in any data layer"))
        }

        var sources = OTASources()
        for root in sourceRoots { diagnostics += sources.add(root: root, cacheFolder: cacheFolder) }

        // Join source versions to documents by their `ota` binding; a data file wins on its date.
        for id in order {
            guard var vendor = vendors[id] else { continue }
            for i in vendor.documents.indices {
                guard let binding = vendor.documents[i].ota else { continue }
                let own = Set(vendor.documents[i].versions.map(\.date))
                let extra = sources.versions(for: binding).filter { !own.contains($0.date) }
                vendor.documents[i].versions = (vendor.documents[i].versions + extra).sorted { $0.date < $1.date }
            }
            vendors[id] = vendor
        }

        let analysed = order.compactMap { vendors[$0] }.sorted { VendorOrder.rank($0.id) < VendorOrder.rank($1.id) }
        // Every service of the sources is browsable: unbound ones join their vendor or stand alone, after the analysed vendors.
        let merged = SourceServices.attach(sources, to: analysed)
        diagnostics += Validator(questions: questions, vendors: merged, sources: sources, today: today).run()
        return Catalog(questions: questions, vendors: merged, sources: sources, diagnostics: diagnostics,
                       layerLabels: layers.map(\.label), dataFiles: dataFiles)
    }
}

/// The seven vendors in a fixed order; others follow alphabetically.
enum VendorOrder {
    static let known = ["deepseek", "openai", "anthropic", "google", "mistral", "xai", "meta"]
    static func rank(_ id: String) -> (Int, String) { (known.firstIndex(of: id) ?? known.count, id) }
}
