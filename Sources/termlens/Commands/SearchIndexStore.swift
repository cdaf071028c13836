import BundledData
import Foundation
import PolicyModel

/// The search index of this run: read from the on-disk cache when nothing it depends on has
/// changed, else built from the data (and then cached for the next run).
enum SearchIndexStore {
    static func sourceRoots(_ global: GlobalSettings) -> [String] {
        global.sources + AppContext.pathList(ProcessInfo.processInfo.environment["TERMLENS_SOURCES"])
    }

    /// What the index depends on: the layers and source folders, and where its cache lives.
    struct Inputs {
        var layers: [String]
        var sources: [String]
        var folder: String?

        init(_ global: GlobalSettings) {
            let env = ProcessInfo.processInfo.environment
            layers = global.data + AppContext.pathList(env["TERMLENS_DATA"])
            sources = SearchIndexStore.sourceRoots(global)
            folder = IndexCache.folder(env)
        }

        /// The cache key: termlens's version, the bundled data, and every file of every layer
        /// and source folder (name, size, modification time), so a changed file is never missed.
        func key() -> String {
            var facts = [Termlens.version, BundledData.fingerprint, IndexCache.stamp("/proc/self/exe")]
            for layer in layers { facts.append("data " + layer + " " + IndexCache.folderFingerprint(layer)) }
            for root in sources { facts.append("sources " + root + " " + IndexCache.sourceFingerprint(root)) }
            return IndexCache.key(facts)
        }

        /// A file naming the key this set of folders had last time (a guess to start from).
        func lastKeyPath(in folder: String) -> String {
            folder + "/last-" + IndexCache.key(["layers"] + layers + ["sources"] + sources)
        }
    }

    /// Every version is indexed (a query without `@all` keeps the newest), so one cache file
    /// serves both kinds of search.
    static func index(_ global: GlobalSettings) throws -> SearchIndex {
        try withIndex(global) { $0 }
    }

    /// `work` done on this run's index. Reading every source file's size and date for the key
    /// takes most of a quick search's time, so it runs on another thread while `work` runs on
    /// the index this set of folders had last time (whose checksum is summed on a third);
    /// when the key turns out the same and the file intact, that result is the answer, else
    /// `work` runs again on the right index. `work` must only compute (its result may be
    /// discarded).
    static func withIndex<R: Sendable>(_ global: GlobalSettings, _ work: @escaping @Sendable (SearchIndex) throws -> R) throws -> R {
        let inputs = Inputs(global)
        guard let folder = inputs.folder else { return try work(build(global)) }
        let lastKeyPath = inputs.lastKeyPath(in: folder)
        let computed = Pending<String>.computing {
            let key = inputs.key()
            Timings.mark("cache key taken")
            return key
        }
        var guess: (key: String, intact: Pending<Bool>, result: Result<R, Error>)?
        if let last = try? String(contentsOfFile: lastKeyPath, encoding: .utf8),
           let (index, intact) = IndexCache.loadSummingLater(key: last, folder: folder) {
            let summed = Pending<Bool>.computing {
                let sound = intact()
                Timings.mark("checksum summed")
                return sound
            }
            guess = (last, summed, Result { try work(index) })
        }
        let key = computed.wait()
        if let guess, guess.key == key, guess.intact.wait() { return try guess.result.get() }
        let index: SearchIndex
        if let cached = IndexCache.load(key: key, folder: folder) {
            index = cached
        } else {
            index = try build(global)
            IndexCache.save(index, key: key, folder: folder)
        }
        try? key.write(toFile: lastKeyPath, atomically: true, encoding: .utf8)
        return try work(index)
    }

    private static func build(_ global: GlobalSettings) throws -> SearchIndex {
        let app = AppContext.load(global)
        try app.requireValidData()
        return SearchIndex(catalog: app.catalog, allVersions: true)
    }
}
