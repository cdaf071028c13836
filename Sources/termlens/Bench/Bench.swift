import ArgumentParser
import Browser
import Foundation
import PolicyModel
import TerminalUI

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure load time, index build and reload, first frame, search per keystroke, a 200×60 CJK redraw and memory.",
        discussion: """
            Run the release build (swift build -c release). Every loaded version is indexed, the index is saved to a
            cache file and read back, and the searches run on what was read back. Examples:
              termlens bench --sources ../shared/ota/sample
              termlens bench --sources ../shared/ota/genai-versions --sources ../shared/ota/genai-eu-versions --json
              termlens bench --sources ../shared/ota/sample --corpus-mb 1024
            Git reading: a synthetic versions repository of --git-commits commits (default 40,000) is built
            in a temporary folder, read once with an empty cache, then again from the cache.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Add a synthetic archive of this many MB made from the loaded texts (about 8 % of its line bytes distinct).") var corpusMb: Int = 0
    @Option(help: "Write the synthetic archive into this folder and keep it (default: a temporary folder, removed).") var keepCorpus: String?
    @Flag(help: "Index only the newest version of each document (default: every version).") var newestOnly = false
    @Flag(help: "Also index source files no document is bound to (every file of the datasets).") var everyFile = false
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Also list the N slowest keystrokes (to see where the time goes).") var slowest: Int = 0
    @Option(help: "Commits of the synthetic git versions repository read (0: skip that measure).") var gitCommits: Int = 40_000
    @Option(help: "Type only this query (repeatable; default: the fixed set of BenchQueries).") var query: [String] = []
    @Flag(help: "Time the index build, its reload and keystrokes by this thread's CPU time, not the wall clock (on a machine busy with other work).") var cpuTime = false

    func run() throws {
        let clock = ContinuousClock()
        let loadStart = clock.now
        let app = AppContext.load(global)
        try app.requireValidData()
        let loadMs = (clock.now - loadStart).milliseconds

        let scratch = NSTemporaryDirectory() + "termlens-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let bound = Set(app.catalog.vendors.flatMap { $0.documents.flatMap { $0.versions.map(\.path) } })
        var extraFiles = everyFile ? app.catalog.sources.allFiles.filter { !bound.contains($0.path) } : []
        if corpusMb > 0 {
            let folder = keepCorpus ?? scratch + "/corpus"
            let t0 = clock.now
            let written = try SyntheticCorpus.write(megabytes: corpusMb, from: app.catalog, into: folder)
            // Read back as any dataset folder is.
            var synthetic = OTASources()
            _ = synthetic.add(root: folder)
            extraFiles += synthetic.allFiles
            if !json {
                Console.out("wrote a synthetic archive of \(written.bytes / 1_048_576) MB in \(written.versions) versions to \(folder) in \(Int((clock.now - t0).milliseconds)) ms")
            }
        }

        // Build the index, save it to a cache file, and read it back as `termlens search` would.
        let buildStart = clock.now, buildCPU = Self.threadCPUMilliseconds()
        var built: SearchIndex? = SearchIndex(catalog: app.catalog, allVersions: !newestOnly, extraFiles: extraFiles)
        let buildMs = cpuTime ? Self.threadCPUMilliseconds() - buildCPU : (clock.now - buildStart).milliseconds
        let corpusBytes = built?.corpusBytes ?? 0
        let share = built?.distinctLineShare ?? 0
        let cacheFolder = scratch + "/cache"
        if let built { IndexCache.save(built, key: "bench", folder: cacheFolder) }
        built = nil
        let reloadStart = clock.now, reloadCPU = Self.threadCPUMilliseconds()
        guard let index = IndexCache.load(key: "bench", folder: cacheFolder) else {
            Console.error("termlens: the index cache could not be written or read back in \(cacheFolder)")
            throw TermlensExit.badData
        }
        let reloadMs = cpuTime ? Self.threadCPUMilliseconds() - reloadCPU : (clock.now - reloadStart).milliseconds
        let indexBytes = (try? FileManager.default.attributesOfItem(atPath: cacheFolder + "/index-bench.bin"))?[.size] as? Int ?? 0

        let firstFrame = FirstFrame.measure(arguments: global.data.flatMap { ["--data", $0] } + global.sources.flatMap { ["--sources", $0] })

        // Search, one keystroke at a time; each keystroke also describes a screenful of hits.
        var timed: [(String, Double)] = []
        for prefix in query.isEmpty ? BenchQueries.keystrokes : BenchQueries.keystrokes(of: query) {
            let t0 = clock.now, c0 = Self.threadCPUMilliseconds()
            var query = SearchQuery(prefix)
            query.allVersions = !newestOnly
            let matches = index.matches(query, limit: 2_000)
            var describer = HitDescriber(index: index)
            for m in matches.prefix(30) { _ = describer.describe(m) }
            timed.append((prefix, cpuTime ? Self.threadCPUMilliseconds() - c0 : (clock.now - t0).milliseconds))
        }
        let times = timed.map(\.1).sorted()
        for (prefix, ms) in timed.sorted(by: { $0.1 > $1.1 }).prefix(slowest) {
            Console.out("slow keystroke \(String(format: "%8.3f", ms)) ms  \(prefix)")
        }

        let redraw = CJKRedraw.measure(catalog: app.catalog, language: app.language)
        let git = gitCommits > 0 ? try GitReadBench.measure(commits: gitCommits) : nil
        var result: [(String, JSONValue)] = [
            ("timed_by", .string(cpuTime ? "thread cpu time" : "wall clock")),
            ("corpus_mb", .double(round1(Double(corpusBytes) / 1_048_576))),
            ("distinct_line_share", .double(round3(share))),
            ("load_ms", .double(round1(loadMs))),
            ("index_build_ms", .double(round1(buildMs))),
            ("index_reload_ms", .double(round1(reloadMs))),
            ("index_mb", .double(round1(Double(indexBytes) / 1_048_576))),
            ("first_frame_ms", .double(round1(firstFrame))),
            ("search_p50_ms", .double(round3(percentile(times, 0.50)))),
            ("search_p99_ms", .double(round3(percentile(times, 0.99)))),
            ("redraw_200x60_cjk_ms", .double(round3(redraw))),
            ("rss_mb", .double(round1(Memory.peakResidentMB()))),
        ]
        if let git {
            result += [("git_commits", .int(git.commits)), ("git_versions", .int(git.versions)), ("git_build_ms", .double(round1(git.buildMs))),
                       ("git_first_read_ms", .double(round1(git.firstReadMs))), ("git_cached_read_ms", .double(round1(git.cachedReadMs)))]
        }
        if json {
            Console.out(JSONValue.object(result + [("versions", .int(index.units.filter { $0.kind == .document }.count)), ("keystrokes", .int(times.count))]).rendered())
        } else {
            Console.out("indexed \(index.units.filter { $0.kind == .document }.count) document versions and \(index.units.filter { $0.kind == .quote }.count) quotes; \(times.count) keystrokes from \(BenchQueries.all.count) queries")
            for (k, v) in result { Console.out("\(k.padding(toLength: 22, withPad: " ", startingAt: 0)) \(v.rendered(pretty: false))") }
        }
    }

    static func threadCPUMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
    }

    func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }
    func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
    func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

extension Duration {
    var milliseconds: Double {
        let (s, atto) = components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}

/// Process start to the first frame rendered into a buffer: the median of runs of
/// `termlens __first-frame`, which loads the data, renders the vendor list and exits; timed
/// from `posix_spawn` to `waitpid` (Foundation's Process adds milliseconds of its own).
enum FirstFrame {
    static func measure(arguments: [String], runs: Int = 21) -> Double {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let argv = [path, "__first-frame"] + arguments
        var times: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<runs {
            var cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            defer { cArgs.forEach { free($0) } }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            defer { posix_spawn_file_actions_destroy(&actions) }
            var pid: pid_t = 0
            let t0 = clock.now
            guard posix_spawn(&pid, path, &actions, nil, &cArgs, environ) == 0 else { return -1 }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            times.append((clock.now - t0).milliseconds)
        }
        times.sort()
        return times[times.count / 2]
    }
}

/// The hidden command the first-frame measure runs.
struct FirstFrameProbe: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "__first-frame", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let app = AppContext.load(global)
        let model = BrowserModel(catalog: app.catalog, language: app.language)
        let state = Browser.start(at: nil, model: model, size: Size(width: 120, height: 40))
        let frame = Browser.render(state, model: model)
        // Touch the frame so the work is not optimised away.
        if frame.textLines().isEmpty { throw TermlensExit.noResult }
    }
}

/// A full 200×60 frame of Chinese text (the 用户协议 in the clause pane) rendered and diffed
/// against the previous frame, alternating between two scroll positions.
enum CJKRedraw {
    static func measure(catalog: Catalog, language: Language, frames: Int = 200) -> Double {
        let model = BrowserModel(catalog: catalog, language: language)
        let size = Size(width: 200, height: 60)
        guard let target = try? Target.parse("deepseek/user-agreement-zh", in: catalog).get() else { return -1 }
        var a = Browser.start(at: target, model: model, size: size)
        var b = a
        _ = Browser.update(&b, .key(.pageDown), model: model)
        _ = Browser.update(&a, .key(.character("g")), model: model)
        var previous = Browser.render(b, model: model)
        var times: [Double] = []
        let clock = ContinuousClock()
        for i in 0..<frames {
            let t0 = clock.now
            let frame = Browser.render(i % 2 == 0 ? a : b, model: model)
            let changes = frame.changes(since: previous)
            times.append((clock.now - t0).milliseconds)
            if changes.isEmpty && i > 0 { return -1 }
            previous = frame
        }
        times.sort()
        return times[times.count / 2]
    }
}

enum Memory {
    /// Peak resident memory (VmHWM) of this process.
    static func peakResidentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return -1
    }
}
