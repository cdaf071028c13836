import Foundation
#if canImport(Glibc)
import CSystem
import Glibc
#endif

/// Runs programs (git) with `posix_spawnp`, their output read through pipes.
enum Subprocess {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
        /// The first line of stderr, for messages.
        var firstErrorLine: String {
            String(decoding: stderr, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "exit status \(status)"
        }
    }

    struct SpawnError: Error, CustomStringConvertible {
        var program: String
        var code: Int32
        var description: String {
            code == ENOENT ? "\(program) not found on PATH" : "cannot run \(program): \(String(cString: strerror(code)))"
        }
    }

    /// The environment git runs in: the caller's, without what would point git at another
    /// repository than the one asked for (a hook's `GIT_DIR`), and never prompting.
    static func gitEnvironment() -> [String] {
        let redirecting: Set<String> = ["GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                                        "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_PREFIX"]
        var env = ProcessInfo.processInfo.environment.filter { !redirecting.contains($0.key) }
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["LC_ALL"] = "C"
        return env.map { "\($0.key)=\($0.value)" }
    }

    /// A started child process with pipes to its stdin and from its stdout (and stderr).
    struct Child {
        var pid: pid_t
        var stdin: Int32
        var stdout: Int32
        var stderr: Int32
    }

    /// Starts `arguments` (the first is the program, looked up on PATH). Pipe ends the child
    /// does not use are closed in it (close-on-exec), so it sees end-of-file when we close ours.
    static func start(_ arguments: [String], environment: [String], stdinFromFile: String? = nil) throws -> Child {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard makePipe(&toChild) else { throw SpawnError(program: arguments[0], code: errno) }
        guard makePipe(&fromChild) else {
            let code = errno
            toChild.forEach { close($0) }
            throw SpawnError(program: arguments[0], code: code)
        }
        guard makePipe(&errors) else {
            let code = errno
            (toChild + fromChild).forEach { close($0) }
            throw SpawnError(program: arguments[0], code: code)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let stdinFromFile {
            posix_spawn_file_actions_addopen(&actions, 0, stdinFromFile, O_RDONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        }
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        // Nothing else open goes to the child: a long-lived git holding a copy of some other
        // pipe (another program's output being read to its end) would keep that pipe open.
        // glibc 2.34 and later; on failure the child merely inherits more descriptors.
        _ = termlens_spawn_addclosefrom(&actions, 3)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, &envp)
        close(toChild[0])
        close(fromChild[1])
        close(errors[1])
        guard code == 0 else {
            [toChild[1], fromChild[0], errors[0]].forEach { close($0) }
            throw SpawnError(program: arguments[0], code: code)
        }
        return Child(pid: pid, stdin: toChild[1], stdout: fromChild[0], stderr: errors[0])
    }

    /// A pipe whose ends are closed on exec (the child gets copies only where dup2 puts them).
    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Runs to the end, reading stdout and stderr together (so neither pipe can fill and stall it).
    static func run(_ arguments: [String], environment: [String] = gitEnvironment(), stdinFromFile: String? = nil) throws -> Output {
        let child = try start(arguments, environment: environment, stdinFromFile: stdinFromFile)
        close(child.stdin)
        var out: [UInt8] = [], err: [UInt8] = []
        var open: [(fd: Int32, isOut: Bool)] = [(child.stdout, true), (child.stderr, false)]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 && errno == EINTR { continue }
            if ready < 0 { break }
            var still: [(fd: Int32, isOut: Bool)] = []
            for (i, entry) in open.enumerated() {
                guard fds[i].revents != 0 else { still.append(entry); continue }
                let n = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if entry.isOut { out += chunk[0..<n] } else { err += chunk[0..<n] }
                    still.append(entry)
                } else if n < 0 && errno == EINTR {
                    still.append(entry)
                } else {
                    close(entry.fd)
                }
            }
            open = still
        }
        open.forEach { close($0.fd) }
        return Output(status: wait(child.pid), stdout: out, stderr: err)
    }

    /// Writes everything (false when the reader has gone).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = write(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    /// Reads to the end of file, then closes the descriptor.
    static func drain(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        close(fd)
        return out
    }

    /// Waits for a child; its exit status, or 128 + the signal that ended it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
