#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Where a run's time goes, for whoever measures it: with `TERMLENS_TIMINGS=1` each phase
/// mark is written to standard error as milliseconds since the first mark (the command's
/// start) and the phase's name. Silent otherwise, and cheap enough to leave in place.
public enum Timings {
    private static let enabled = getenv("TERMLENS_TIMINGS").map { String(cString: $0) == "1" } ?? false
    private static let origin = now()

    public static func mark(_ phase: @autoclosure () -> String) {
        guard enabled else { return }
        let start = origin  // set on the first mark, before the clock is read below
        let current = now()
        let hundredths = Int((current > start ? current - start : 0) / 10_000)
        let fraction = hundredths % 100
        let line = "termlens: timing \(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms \(phase())\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    private static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
