import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What termlens remembers between runs: the newest version seen of each document and when
/// the changes were last looked at.
public struct LookState: Sendable, Equatable {
    /// The last look, ISO 8601 UTC (`2026-08-20T10:00:00Z`); nil before the first.
    public var lastLook: String?
    /// Per document (`vendor/doc`), the recording time of the newest version seen (`2026-03-27T11-30-37Z`).
    public var seen: [String: String]
    /// Where the browser was when it was last closed, as a TARGET (`anthropic/privacy-policy@2026-08-17:6`).
    public var place: String?

    public init(lastLook: String? = nil, seen: [String: String] = [:], place: String? = nil) {
        self.lastLook = lastLook
        self.seen = seen
        self.place = place
    }

    /// Whether a version of a document has been seen (it, or a newer one).
    public func hasSeen(_ document: String, _ version: DocumentVersion) -> Bool {
        guard let newest = seen[document] else { return false }
        return newest >= version.stamp
    }
}

/// The state file, `$XDG_STATE_HOME/termlens/state.json` (default `~/.local/state/termlens/`).
/// Writes are atomic (a temporary file renamed over the old one) and serialized between
/// processes with a lock file; a state file that cannot be read or parsed is reported once and
/// set aside (renamed beside it), never fatal and never silently overwritten.
public final class StateStore: @unchecked Sendable {
    public let folder: String
    public var path: String { folder + "/state.json" }
    private var lockPath: String { folder + "/state.lock" }
    /// Problems already reported by this process (each once).
    private var reported = Set<String>()
    private let mutex = NSLock()

    public init(folder: String) { self.folder = folder }

    /// `$XDG_STATE_HOME/termlens`, else `~/.local/state/termlens`; nil with neither variable set.
    public static func folder(_ env: [String: String]) -> String? {
        if let xdg = env["XDG_STATE_HOME"], xdg.hasPrefix("/") { return xdg + "/termlens" }
        if let home = env["HOME"], !home.isEmpty { return home + "/.local/state/termlens" }
        return nil
    }

    public struct Loaded: Sendable {
        public var state: LookState
        /// A problem to report (once): the file was corrupt or unreadable and was set aside.
        public var problem: String?
        /// False when a bad file could not be set aside: it must not be overwritten.
        public var writable = true
    }

    /// The state, or an empty one when there is no file (or a bad one, set aside).
    public func load() -> Loaded {
        mutex.lock()
        defer { mutex.unlock() }
        return readSettingAside()
    }

    /// Reads the state, changes it and writes it back, holding the lock so that concurrent
    /// writers (two termlens processes) each see the other's changes. Returns a problem to
    /// report, if any; the state is then left as it was on disk when it could not be written.
    @discardableResult
    public func update(_ change: (inout LookState) -> Void) -> String? {
        mutex.lock()
        defer { mutex.unlock() }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            return once("cannot create \(folder) (\(error.localizedDescription)): what you have seen is not remembered")
        }
        let lock = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return once("cannot open \(lockPath) (\(String(cString: strerror(errno)))): what you have seen is not remembered") }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            if errno != EINTR { return once("cannot lock \(lockPath) (\(String(cString: strerror(errno))))") }
        }
        defer { _ = flock(lock, LOCK_UN) }
        var loaded = readSettingAside()
        guard loaded.writable else { return loaded.problem }
        change(&loaded.state)
        if let problem = write(loaded.state) { return once(problem) }
        return loaded.problem
    }

    // MARK: reading and writing

    private func readSettingAside() -> Loaded {
        let bytes: [UInt8]
        do {
            bytes = try FileWalker.readBytes(path)
        } catch {
            var st = stat()
            if lstat(path, &st) != 0 && errno == ENOENT { return Loaded(state: LookState()) }
            return setAside(reason: "could not be read (\(error))", suffix: "unreadable")
        }
        switch Self.decode(bytes) {
        case .success(let state): return Loaded(state: state)
        case .failure(let why): return setAside(reason: "is corrupt (\(why))", suffix: "corrupt")
        }
    }

    private func setAside(reason: String, suffix: String) -> Loaded {
        let aside = path + ".\(suffix)-" + GitLog.stamp(Int(time(nil)))
        if rename(path, aside) == 0 {
            return Loaded(state: LookState(), problem: once("\(path) \(reason): set aside as \(aside); starting afresh"))
        }
        let why = String(cString: strerror(errno))
        return Loaded(state: LookState(), problem: once("\(path) \(reason) and could not be set aside (\(why)): it is left as it is and what you see is not remembered"),
                      writable: false)
    }

    /// The message the first time it comes up in this process, nil after.
    private func once(_ message: String) -> String? {
        reported.insert(message).inserted ? message : nil
    }

    private func write(_ state: LookState) -> String? {
        let temp = path + ".\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let bytes = Self.encode(state)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return "cannot write \(temp): \(String(cString: strerror(errno)))" }
        let written = Subprocess.writeAll(fd, bytes) && fsync(fd) == 0
        close(fd)
        guard written, rename(temp, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temp)
            return "cannot write \(path): \(why)"
        }
        return nil
    }

    // MARK: the file's shape

    /// `{"format": 1, "last_look": "…" | null, "seen": {"vendor/doc": "stamp", …}, "place": "TARGET"}`
    /// (`place` only when there is one: a file without it reads as before).
    static func encode(_ state: LookState) -> [UInt8] {
        let seen = JSONValue.object(state.seen.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })
        var pairs: [(String, JSONValue)] = [("format", .int(1)), ("last_look", .optional(state.lastLook)), ("seen", seen)]
        if let place = state.place { pairs.append(("place", .string(place))) }
        let value = JSONValue.object(pairs)
        return Array((value.rendered() + "\n").utf8)
    }

    static func decode(_ bytes: [UInt8]) -> Result<LookState, StateFileError> {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(StateFileError("not a JSON object"))
        }
        guard object["format"] as? Int == 1 else { return .failure(StateFileError("no `format: 1`")) }
        var state = LookState()
        switch object["last_look"] {
        case nil, is NSNull: break
        case let text as String where isTime(text): state.lastLook = text
        default: return .failure(StateFileError("`last_look` is not a time YYYY-MM-DDTHH:MM:SSZ"))
        }
        guard let seen = object["seen"] as? [String: Any] else { return .failure(StateFileError("no `seen` object")) }
        for (document, value) in seen {
            guard let stamp = value as? String, !document.isEmpty else {
                return .failure(StateFileError("`seen` entry `\(document)` is not a recording time"))
            }
            state.seen[document] = stamp
        }
        switch object["place"] {
        case nil, is NSNull: break
        case let text as String: state.place = text
        default: return .failure(StateFileError("`place` is not a TARGET"))
        }
        return .success(state)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    static func isTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return false }
        return OTASources.stampDate(bytes.map { $0 == UInt8(ascii: ":") ? UInt8(ascii: "-") : $0 }) != nil
    }

    /// The current time, `YYYY-MM-DDTHH:MM:SSZ`.
    public static func now() -> String { isoTime(fromStamp: GitLog.stamp(Int(time(nil)))) }

    /// `2026-03-27T11:30:37Z` from the recording-time form `2026-03-27T11-30-37Z` (and back).
    public static func isoTime(fromStamp stamp: String) -> String {
        guard stamp.utf8.count == 20 else { return stamp }
        var bytes = Array(stamp.utf8)
        bytes[13] = UInt8(ascii: ":")
        bytes[16] = UInt8(ascii: ":")
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func stamp(fromISOTime time: String) -> String {
        guard isTime(time) else { return time }
        var bytes = Array(time.utf8)
        bytes[13] = UInt8(ascii: "-")
        bytes[16] = UInt8(ascii: "-")
        return String(decoding: bytes, as: UTF8.self)
    }
}

public struct StateFileError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
