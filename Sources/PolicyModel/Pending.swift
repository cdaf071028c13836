import CSystem
import Foundation

/// The number of cores this process may run on (its affinity mask), asked once.
public enum Cores {
    public static let available: Int = {
        let allowed = Int(termlens_allowed_cpus())
        return allowed > 0 ? allowed : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }()
}

/// Numbers handed out once each, in order, to threads taking work.
///
/// Its count is only touched under `lock`, which the compiler cannot see: hence the unchecked
/// Sendable.
public final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    public init() {}

    /// The next number, or nil once `count` have been handed out.
    public func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// A detached POSIX thread for a job.
enum PlainThread {
    private final class Job: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Runs `body` on a new thread (or here, when no thread can be had).
    static func start(_ body: @escaping @Sendable () -> Void) {
        let job = Unmanaged.passRetained(Job(body))
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            // The job retained above, taken back exactly once.
            guard let context else { return nil }
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, job.toOpaque())
        if started == 0 {
            pthread_detach(thread)
        } else {
            job.takeRetainedValue().run()
        }
    }
}

/// A result another thread puts once.
///
/// Its state is only touched under `condition`'s lock, which the compiler cannot see: hence
/// the unchecked Sendable.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    public init() {}

    /// `body`'s result, computed on a thread of its own started now: a plain POSIX thread,
    /// which starts within microseconds (a Dispatch pool or Foundation thread can take a
    /// millisecond or more to come at start-up, which a quick search cannot spare).
    public static func computing(_ body: @escaping @Sendable () -> Value) -> Pending<Value> {
        let pending = Pending<Value>()
        PlainThread.start { pending.put(body()) }
        return pending
    }

    public func put(_ value: Value) {
        condition.lock()
        self.value = value
        condition.broadcast()
        condition.unlock()
    }

    /// The result if it is there, without waiting.
    public var ready: Value? {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    public func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let value { return value }
            condition.wait()
        }
    }
}

/// Results that several threads put into numbered slots, one each, read once they are done.
///
/// Its slots are only touched under `lock`, which the compiler cannot see: hence the unchecked
/// Sendable.
public final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public func put(_ i: Int, _ value: Value) {
        lock.lock()
        slots[i] = value
        lock.unlock()
    }

    public func get(_ i: Int) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return slots[i]
    }
}
