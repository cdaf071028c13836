import Foundation

/// Runs the built `termlens` binary as a person's shell would.
struct TermlensProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sample: String { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/ota/sample").path }
    static var sampleExists: Bool { FileManager.default.fileExists(atPath: sample + "/DeepSeek") }

    /// The binary next to the test bundle (the same build), else the debug build folder.
    static var binary: String {
        let fallback = packageRoot.appendingPathComponent(".build/debug/termlens").path
        var candidates: [String] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent("termlens").path) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("termlens").path)
        candidates.append(fallback)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? fallback
    }

    static func run(_ args: [String], env extra: [String: String] = [:], cwd: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["TERMLENS_DATA"] = nil
        env["TERMLENS_SOURCES"] = nil
        env["LANG"] = "C.UTF-8"
        for (k, v) in extra { env[k] = v }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: cwd ?? packageRoot.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs so a large output cannot block it.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
