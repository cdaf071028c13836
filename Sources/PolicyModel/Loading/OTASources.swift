import Foundation

/// The versions found in loaded Open Terms Archive datasets, laid out
/// `<Service>/<Terms Type>/<YYYY-MM-DDTHH-MM-SSZ>.md` (anything else in a dataset is ignored),
/// and in git versions repositories (`<Service>/<Terms Type>.md`, one commit per version).
public struct OTASources: Sendable {
    public struct Key: Hashable, Sendable {
        public var service: String
        public var type: String
    }

    /// The dataset folders, as given.
    public private(set) var roots: [String] = []
    private var versions: [Key: [DocumentVersion]] = [:]
    /// The source each `<Service>/<Terms Type>` was first found in.
    private var rootOf: [Key: String] = [:]

    public init() {}

    public var isEmpty: Bool { roots.isEmpty }
    public var services: [String] { Array(Set(versions.keys.map(\.service))).sorted() }
    /// The terms types recorded for one service.
    public func types(of service: String) -> [String] { versions.keys.filter { $0.service == service }.map(\.type).sorted() }
    /// Every `<Service>/<Terms Type>` with versions.
    public var keys: [Key] { versions.keys.sorted { ($0.service, $0.type) < ($1.service, $1.type) } }
    /// Files inside service and type folders that are not named `<YYYY-MM-DDTHH-MM-SSZ>.md`.
    public private(set) var misnamed: (count: Int, first: String?) = (0, nil)
    public var versionCount: Int { versions.values.reduce(0) { $0 + $1.count } }

    /// Every version file of every loaded dataset, bound to a document or not.
    public var allFiles: [DocumentVersion] { versions.values.flatMap { $0 }.sorted { $0.path < $1.path } }

    /// How each git versions repository was read this time (for `bench` and tests).
    public private(set) var gitReads: [(repository: String, how: String, versions: Int)] = []

    /// Scans one dataset folder, or reads one git versions repository (its versions cached in
    /// `cacheFolder` when given). Problems (a missing folder) are returned as diagnostics.
    public mutating func add(root: String, cacheFolder: String? = nil) -> [Diagnostic] {
        let absolute = FileWalker.absolute(root)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir), isDir.boolValue else {
            return [Diagnostic(.error, SourceLocation(file: root), "sources folder not found (expected an Open Terms Archive dataset: <Service>/<Terms Type>/<date>.md, or a versions repository cloned with git)")]
        }
        roots.append(absolute)
        if GitLog.isRepository(absolute) { return addRepository(absolute, shown: root, cacheFolder: cacheFolder) }
        var skipped = 0
        var firstSkipped: String?
        let fm = FileManager.default
        for service in ((try? fm.contentsOfDirectory(atPath: absolute)) ?? []).sorted() where !service.hasPrefix(".") {
            let servicePath = absolute + "/" + service
            guard isDirectory(servicePath) else { continue }
            for type in ((try? fm.contentsOfDirectory(atPath: servicePath)) ?? []).sorted() where !type.hasPrefix(".") {
                let typePath = servicePath + "/" + type
                guard isDirectory(typePath) else { continue }
                for file in ((try? fm.contentsOfDirectory(atPath: typePath)) ?? []).sorted() where !file.hasPrefix(".") {
                    guard let stamp = Self.versionStamp(file), let date = Self.stampDate(stamp.utf8) else {
                        skipped += 1
                        if firstSkipped == nil { firstSkipped = typePath + "/" + file }
                        continue
                    }
                    let version = DocumentVersion(date: date, path: typePath + "/" + file, origin: .source, stamp: stamp)
                    let key = Key(service: service, type: type)
                    versions[key, default: []].append(version)
                    if rootOf[key] == nil { rootOf[key] = absolute }
                }
            }
        }
        misnamed = (misnamed.count + skipped, misnamed.first ?? firstSkipped)
        if skipped > 0, let first = firstSkipped {
            let n = skipped
            return [Diagnostic(.warning, SourceLocation(file: first), "\(n.counted("file")) in \(root) skipped: version files are named <Service>/<Terms Type>/YYYY-MM-DDTHH-MM-SSZ.md (the recording time in UTC), e.g. 2026-03-27T11-30-37Z.md")]
        }
        return []
    }

    /// A git versions repository: each first-parent commit of HEAD that adds or changes
    /// `<Service>/<Terms Type>.md` is a version, recorded at the commit time (UTC).
    private mutating func addRepository(_ repository: String, shown: String, cacheFolder: String?) -> [Diagnostic] {
        let read: GitSource.Read
        do {
            read = try GitSource.read(repository, cacheFolder: cacheFolder)
        } catch {
            return [Diagnostic(.error, SourceLocation(file: shown), "\(error)")]
        }
        gitReads.append((repository, read.how.rawValue, read.entries.count))
        guard read.head != nil else {
            return [Diagnostic(.warning, SourceLocation(file: shown), "the git repository has no commit yet: no versions")]
        }
        for e in read.entries {
            // Commit times before 1900 or after 2999 are no recording times.
            guard let date = Self.stampDate(e.stamp.utf8) else { continue }
            let key = Key(service: e.service, type: e.type)
            var version = DocumentVersion(date: date, path: "\(repository)/\(e.service)/\(e.type).md@\(e.commit)", origin: .source, stamp: e.stamp)
            version.git = GitObject(repository: repository, commit: e.commit, blob: e.blob)
            versions[key, default: []].append(version)
            if rootOf[key] == nil { rootOf[key] = repository }
        }
        return []
    }

    /// Versions of one binding, oldest first; two on one date: the later recording wins.
    public func versions(for binding: OTABinding) -> [DocumentVersion] {
        var byDate: [SimpleDate: DocumentVersion] = [:]
        for service in binding.services {
            for version in versions[Key(service: service, type: binding.type)] ?? [] {
                if let existing = byDate[version.date], existing.stamp >= version.stamp { continue }
                byDate[version.date] = version
            }
        }
        return byDate.values.sorted { $0.date < $1.date }
    }

    /// Every recorded version of one `<Service>/<Terms Type>`, in the order read (oldest first per source).
    func recorded(_ key: Key) -> [DocumentVersion] { versions[key] ?? [] }

    /// The source folder a `<Service>/<Terms Type>` was first found in.
    public func root(of key: Key) -> String? { rootOf[key] }

    public func hasBinding(_ binding: OTABinding) -> Bool {
        binding.services.contains { versions[Key(service: $0, type: binding.type)] != nil }
    }

    /// `2026-03-27T11-30-37Z` from `2026-03-27T11-30-37Z.md`, or nil for files that are not versions.
    static func versionStamp(_ name: String) -> String? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = String(name.dropLast(3))
        return stampDate(stem.utf8) == nil ? nil : stem
    }

    /// The date of a recording time `YYYY-MM-DDTHH-MM-SSZ` (checked byte by byte: read for
    /// every version of a history at each start), or nil when it is not one.
    static func stampDate<Bytes: Collection<UInt8>>(_ stamp: Bytes) -> SimpleDate? {
        guard stamp.count == 20 else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(14)
        for (i, b) in stamp.enumerated() {
            switch i {
            case 4, 7, 13, 16: guard b == UInt8(ascii: "-") else { return nil }
            case 10: guard b == UInt8(ascii: "T") else { return nil }
            case 19: guard b == UInt8(ascii: "Z") else { return nil }
            default:
                guard b >= 48 && b <= 57 else { return nil }
                digits.append(Int(b) - 48)
            }
        }
        func number(_ from: Int, _ count: Int) -> Int { digits[from..<(from + count)].reduce(0) { $0 * 10 + $1 } }
        return SimpleDate(year: number(0, 4), month: number(4, 2), day: number(6, 2))
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
