import Foundation

/// A result another thread puts once.
///
/// Its state is only touched under `condition`'s lock, which the compiler cannot see: hence
/// the unchecked Sendable.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value?

    public init() {}

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
