import Foundation

/// The versions found in loaded Open Terms Archive datasets, laid out
/// `<Service>/<Terms Type>/<YYYY-MM-DDTHH-MM-SSZ>.md`. Anything else in a dataset is ignored.
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

    /// Scans one dataset folder. Problems (a missing folder) are returned as diagnostics.
    public mutating func add(root: String) -> [Diagnostic] {
        let absolute = FileWalker.absolute(root)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDir), isDir.boolValue else {
            return [Diagnostic(.error, SourceLocation(file: root), "sources folder not found (expected an Open Terms Archive dataset: <Service>/<Terms Type>/<date>.md)")]
        }
        roots.append(absolute)
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
                    guard let stamp = Self.versionStamp(file), let date = SimpleDate(stamp.prefix(10)) else {
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
            return [Diagnostic(.warning, SourceLocation(file: first), "\(n) file\(n == 1 ? "" : "s") in \(root) skipped: version files are named <Service>/<Terms Type>/YYYY-MM-DDTHH-MM-SSZ.md (the recording time in UTC), e.g. 2026-03-27T11-30-37Z.md")]
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

    /// The source folder a `<Service>/<Terms Type>` was first found in.
    public func root(of key: Key) -> String? { rootOf[key] }

    public func hasBinding(_ binding: OTABinding) -> Bool {
        binding.services.contains { versions[Key(service: $0, type: binding.type)] != nil }
    }

    /// `2026-03-27T11-30-37Z` from `2026-03-27T11-30-37Z.md`, or nil for files that are not versions.
    static func versionStamp(_ name: String) -> String? {
        guard name.hasSuffix(".md") else { return nil }
        let stem = String(name.dropLast(3))
        let chars = Array(stem)
        guard chars.count == 20, chars[10] == "T", chars[19] == "Z" else { return nil }
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        let dashPositions = [4, 7, 13, 16]
        guard digitPositions.allSatisfy({ chars[$0].isASCII && chars[$0].isNumber }),
              dashPositions.allSatisfy({ chars[$0] == "-" }) else { return nil }
        return stem
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
