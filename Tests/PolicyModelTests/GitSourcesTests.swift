import BundledData
import Foundation
import Testing
@testable import PolicyModel

/// Git versions repositories read against dataset folders holding the same versions.
@Suite("Git versions repositories as sources", .serialized)
struct GitSourcesTests {
    /// The datasets' versions a repository can record: a version whose text is the same as the
    /// previous one of its document changes no file, so its commit records nothing.
    static func recordable(_ sources: OTASources) -> [OTASources.Key: [DocumentVersion]] {
        var out: [OTASources.Key: [DocumentVersion]] = [:]
        for key in sources.keys {
            var previous: [UInt8]?
            for version in sources.recorded(key).sorted(by: { $0.stamp < $1.stamp }) {
                let bytes = (try? VersionFiles.read(version)) ?? []
                if bytes != previous { out[key, default: []].append(version) }
                previous = bytes
            }
        }
        return out
    }

    /// Same documents, same versions (recording times), same texts.
    static func expectSame(dataset: OTASources, git: OTASources, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let expected = recordable(dataset)
        #expect(Set(git.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        var compared = 0
        for key in git.keys {
            let fromGit = git.recorded(key)
            let fromFiles = expected[key] ?? []
            #expect(fromGit.map(\.stamp) == fromFiles.map(\.stamp), "\(key.service)/\(key.type)", sourceLocation: sourceLocation)
            #expect(fromGit.map(\.date) == fromFiles.map(\.date), sourceLocation: sourceLocation)
            for (a, b) in zip(fromGit, fromFiles) {
                #expect(a.git != nil && b.git == nil, sourceLocation: sourceLocation)
                let same = (try? VersionFiles.read(a)) == (try? VersionFiles.read(b))
                #expect(same, "text of \(a.path) differs from \(b.path)", sourceLocation: sourceLocation)
                compared += 1
            }
        }
        #expect(compared == expected.values.reduce(0) { $0 + $1.count }, sourceLocation: sourceLocation)
    }

    static func temporaryFolder() -> String {
        NSTemporaryDirectory() + "termlens-git-" + UUID().uuidString
    }

    /// Two documents, a same-day pair, an unchanged re-recording, a Chinese service, and files
    /// that are not documents.
    static func smallDataset() throws -> Fixture {
        try Fixture([
            "DeepSeek/Terms of Service/2025-01-20T10-00-00Z.md": "4.3 We may use Inputs.\n",
            "DeepSeek/Terms of Service/2025-05-04T00-31-53Z.md": "4.3 You can opt out by turning off \"Improve the model for everyone\"\n",
            "DeepSeek/Terms of Service/2025-05-04T18-00-00Z.md": "4.3 You can opt out by turning off \"Improve the model for everyone\".\n",
            "DeepSeek/Terms of Service/2025-06-01T00-00-00Z.md": "4.3 You can opt out by turning off \"Improve the model for everyone\".\n",
            "DeepSeek/Privacy Policy/2025-02-16T12-00-00Z.md": "We collect Inputs.\n",
            "文心一言/隐私政策/2025-05-21T09-15-00Z.md": "我们会收集您的输入。\n",
        ])
    }

    @Test func clonesCommittedOneVersionAtATimeReadLikeTheDataset() throws {
        let ds = try Self.smallDataset()
        let repo = Self.temporaryFolder()
        defer { ds.remove(); try? FileManager.default.removeItem(atPath: repo) }
        try GitReplay.commitEach(GitReplay.versions([ds.root]), into: repo,
                                 extraFiles: ["README.md": "An Open Terms Archive versions repository\n", "DeepSeek/notes/a.md": "not a document\n"])
        var dataset = OTASources(), git = OTASources()
        #expect(dataset.add(root: ds.root).isEmpty)
        #expect(git.add(root: repo).isEmpty)
        Self.expectSame(dataset: dataset, git: git)
        // The unchanged re-recording of 2025-06-01 is no version; the same-day pair is two.
        #expect(git.recorded(OTASources.Key(service: "DeepSeek", type: "Terms of Service")).map(\.stamp)
                == ["2025-01-20T10-00-00Z", "2025-05-04T00-31-53Z", "2025-05-04T18-00-00Z"])
        let version = try #require(git.recorded(OTASources.Key(service: "文心一言", type: "隐私政策")).first)
        #expect(version.path.hasPrefix(FileWalker.absolute(repo) + "/文心一言/隐私政策.md@"))
        #expect(version.git.map { GitLog.isObjectID($0.commit) && GitLog.isObjectID($0.blob) } == true)

        // A bare clone holds the same history.
        let bare = repo + "-bare.git"
        defer { try? FileManager.default.removeItem(atPath: bare) }
        try GitReplay.git(["clone", "-q", "--bare", repo, bare], in: NSTemporaryDirectory())
        var fromBare = OTASources()
        #expect(fromBare.add(root: bare).isEmpty)
        Self.expectSame(dataset: dataset, git: fromBare)
    }

    @Test func theSearchIndexCacheKeepsWhereGitVersionsAre() throws {
        let ds = try Self.smallDataset()
        let repo = Self.temporaryFolder()
        let folder = repo + "-cache"
        defer { ds.remove(); try? FileManager.default.removeItem(atPath: repo); try? FileManager.default.removeItem(atPath: folder) }
        try GitReplay.commitEach(GitReplay.versions([ds.root]), into: repo)
        let layer = try Fixture(MinimalLayer.files)
        defer { layer.remove() }
        let catalog = CatalogLoader.load(layers: [DirectoryLayer(root: layer.root)], sourceRoots: [repo])
        let index = SearchIndex(catalog: catalog, allVersions: true)
        IndexCache.save(index, key: "gitkey", folder: folder)
        let loaded = try #require(IndexCache.load(key: "gitkey", folder: folder))
        let built = index.units.filter { $0.version?.git != nil }
        #expect(built.count == 4) // the terms of service twice (one a day), the two privacy policies
        #expect(loaded.units.compactMap(\.version) == index.units.compactMap(\.version))
        let restored = loaded.units.filter { $0.version?.git != nil }
        #expect(restored.count == built.count)
        for (a, b) in zip(built, restored) {
            let version = try #require(b.version)
            #expect(version.git == a.version?.git)
            // The restored object is the text the index was built from.
            #expect(try VersionFiles.read(version) == catalog.rawBytes(of: try #require(a.version)))
        }
        // One version a day (the later recording), described from the repository's objects.
        var query = SearchQuery("model for everyone")
        query.scope = .documents
        let hits = loaded.matches(query).map(loaded.describe)
        #expect(hits.map(\.documentRef) == ["deepseek/terms-of-service"])
        #expect(hits.map { $0.version?.description ?? "" } == ["2025-05-04"])
        #expect(hits.map(\.snippet) == ["4.3 You can opt out by turning off \"Improve the model for everyone\"."])
    }

    @Test(.enabled(if: SharedSample.exists, "needs ../shared/ota/sample"))
    func theSampleReplayedIntoARepositoryReadsLikeTheSample() throws {
        let repo = Self.temporaryFolder() + ".git"
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try GitReplay.fastImport(GitReplay.versions([SharedSample.path]), into: repo)
        var dataset = OTASources(), git = OTASources()
        _ = dataset.add(root: SharedSample.path)
        #expect(git.add(root: repo).isEmpty)
        Self.expectSame(dataset: dataset, git: git)
        #expect(git.versionCount > 150)
    }

    static let histories = ["genai-versions", "genai-eu-versions", "contrib-versions"].map {
        URL(fileURLWithPath: SharedSample.path).deletingLastPathComponent().appendingPathComponent($0).path
    }
    static var historiesExist: Bool { histories.allSatisfy { FileManager.default.fileExists(atPath: $0) } }

    @Test(.enabled(if: historiesExist, "needs ../shared/ota/{genai,genai-eu,contrib}-versions"))
    func theFullHistoriesReplayedReadLikeTheDatasets() throws {
        let repo = Self.temporaryFolder() + ".git"
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try GitReplay.fastImport(GitReplay.versions(Self.histories), into: repo)
        var dataset = OTASources(), git = OTASources()
        for root in Self.histories { _ = dataset.add(root: root) }
        #expect(git.add(root: repo).isEmpty)
        Self.expectSame(dataset: dataset, git: git)
        #expect(git.versionCount > 2_500)

        // Bound to the analysis: every document has the same versions (one per day) either way,
        // but for the days whose recordings all repeat the text before them.
        let layer = InMemoryLayer(label: "embedded:Data", files: BundledData.files)
        let a = CatalogLoader.load(layers: [layer], sourceRoots: Self.histories)
        let b = CatalogLoader.load(layers: [layer], sourceRoots: [repo])
        #expect(b.errors.isEmpty, "\(b.errors.prefix(3))")
        #expect(a.vendors.map(\.id) == b.vendors.map(\.id))
        let recordable = Set(Self.recordable(a.sources).values.joined().map(\.path))
        var documents = 0
        for (va, vb) in zip(a.vendors, b.vendors) {
            #expect(va.documents.map(\.ref) == vb.documents.map(\.ref))
            for (da, db) in zip(va.documents, vb.documents) {
                guard let ota = da.ota else { continue }
                let raw = ota.services.flatMap { a.sources.recorded(OTASources.Key(service: $0, type: ota.type)) }
                let days = Set(raw.filter { recordable.contains($0.path) }.map(\.date))
                let fromFiles = da.versions.filter { $0.origin == .source }.map(\.date).filter(days.contains)
                #expect(db.versions.filter { $0.origin == .source }.map(\.date) == fromFiles, "\(da.ref)")
                for version in da.versions where recordable.contains(version.path) {
                    #expect(db.version(version.date)?.stamp == version.stamp, "\(da.ref)@\(version.date)")
                }
                documents += 1
            }
        }
        #expect(documents > 100)
    }
}
