import Foundation
@testable import PolicyModel

/// Builds git versions repositories from Open Terms Archive dataset folders the way OTA
/// records them: each version, in time order, one commit of `<Service>/<Terms Type>.md`,
/// committed at its recording time.
enum GitReplay {
    struct Version {
        var stamp: String
        var service: String
        var type: String
        var file: String
        /// Seconds since 1970 of the stamp (UTC).
        var seconds: Int
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Every version file of the datasets, oldest first (same second: by service and type).
    static func versions(_ roots: [String]) -> [Version] {
        var out: [Version] = []
        let fm = FileManager.default
        for root in roots {
            for service in ((try? fm.contentsOfDirectory(atPath: root)) ?? []) where !service.hasPrefix(".") {
                for type in ((try? fm.contentsOfDirectory(atPath: root + "/" + service)) ?? []) {
                    let folder = root + "/" + service + "/" + type
                    for name in ((try? fm.contentsOfDirectory(atPath: folder)) ?? []) {
                        guard let stamp = OTASources.versionStamp(name), let seconds = Self.seconds(stamp) else { continue }
                        out.append(Version(stamp: stamp, service: service, type: type, file: folder + "/" + name, seconds: seconds))
                    }
                }
            }
        }
        return out.sorted { ($0.stamp, $0.service, $0.type) < ($1.stamp, $1.service, $1.type) }
    }

    static func seconds(_ stamp: String) -> Int? {
        guard let date = SimpleDate(stamp.prefix(10)) else { return nil }
        let time = stamp.dropFirst(11).prefix(8).split(separator: "-").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return date.dayNumber * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]
    }

    @discardableResult
    static func git(_ args: [String], in dir: String, env: [String: String] = [:], input: FileHandle? = nil) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
        environment["GIT_CONFIG_NOSYSTEM"] = "1"
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        if let input { p.standardInput = input }
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard p.terminationStatus == 0 else { throw Failure(description: "git \(args.joined(separator: " ")): \(text)") }
        return text
    }

    /// One `git commit` per version in a working clone, GIT_COMMITTER_DATE set to the recording
    /// time (the author date set otherwise, so that only the commit time can make the dates agree).
    static func commitEach(_ versions: [Version], into repo: String, extraFiles: [String: String] = [:]) throws {
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: repo)
        for (path, text) in extraFiles {
            try write(Data(text.utf8), to: repo + "/" + path)
            try git(["add", "--", path], in: repo)
        }
        for v in versions {
            let path = v.service + "/" + v.type + ".md"
            try write(try Data(contentsOf: URL(fileURLWithPath: v.file)), to: repo + "/" + path)
            try git(["add", "--", path], in: repo)
            try git(["-c", "user.name=OTA", "-c", "user.email=bot@example.org", "commit", "-q", "--allow-empty", "-m", "Record \(path)"], in: repo,
                    env: ["GIT_COMMITTER_DATE": "@\(v.seconds) +0000", "GIT_AUTHOR_DATE": "@1000000000 +0000"])
        }
    }

    /// The same through `git fast-import` (thousands of versions in seconds): a bare repository.
    static func fastImport(_ versions: [Version], into repo: String) throws {
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        try git(["init", "-q", "--bare", "-b", "main"], in: repo)
        let stream = repo + "/import-stream"
        FileManager.default.createFile(atPath: stream, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: stream))
        for v in versions {
            let path = v.service + "/" + v.type + ".md"
            let message = Data("Record \(path)\n".utf8)
            let text = try Data(contentsOf: URL(fileURLWithPath: v.file))
            var chunk = Data("commit refs/heads/main\ncommitter OTA <bot@example.org> \(v.seconds) +0000\ndata \(message.count)\n".utf8)
            chunk += message
            chunk += Data("M 100644 inline \"\(path)\"\ndata \(text.count)\n".utf8)
            chunk += text
            chunk += Data("\n".utf8)
            try handle.write(contentsOf: chunk)
        }
        try handle.close()
        try git(["fast-import", "--quiet"], in: repo, input: try FileHandle(forReadingFrom: URL(fileURLWithPath: stream)))
        try FileManager.default.removeItem(atPath: stream)
    }

    private static func write(_ data: Data, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }
}
