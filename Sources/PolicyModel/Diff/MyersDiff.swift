/// One run of an edit script: `count` elements kept, deleted from the old side or inserted from the new.
public struct DiffRun: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case equal, delete, insert }
    public var kind: Kind
    /// Where the run starts on the old and the new side (an insert has no old elements, a delete no new ones).
    public var oldStart: Int
    public var newStart: Int
    public var count: Int

    public var oldRange: Range<Int> { oldStart..<(oldStart + (kind == .insert ? 0 : count)) }
    public var newRange: Range<Int> { newStart..<(newStart + (kind == .delete ? 0 : count)) }
}

/// Myers' O(ND) difference algorithm in linear space (the middle-snake bisection, as in
/// diff-match-patch), over sequences of integer ids. Common prefixes and suffixes are stripped
/// first, so nearly equal sequences cost little whatever their length.
public enum MyersDiff {
    public static func diff(_ a: [Int], _ b: [Int]) -> [DiffRun] {
        var builder = RunBuilder()
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                var engine = Engine(a: pa, b: pb)
                engine.solve(0, a.count, 0, b.count, into: &builder)
            }
        }
        return builder.runs
    }

    /// Collects edits in order, merging neighbours of the same kind.
    struct RunBuilder {
        var runs: [DiffRun] = []
        var oldPos = 0
        var newPos = 0

        mutating func add(_ kind: DiffRun.Kind, _ count: Int) {
            guard count > 0 else { return }
            if let last = runs.last, last.kind == kind {
                runs[runs.count - 1].count += count
            } else {
                runs.append(DiffRun(kind: kind, oldStart: oldPos, newStart: newPos, count: count))
            }
            if kind != .insert { oldPos += count }
            if kind != .delete { newPos += count }
        }
    }

    struct Engine {
        let a: UnsafeBufferPointer<Int>
        let b: UnsafeBufferPointer<Int>
        var forward: [Int] = []
        var backward: [Int] = []

        init(a: UnsafeBufferPointer<Int>, b: UnsafeBufferPointer<Int>) {
            self.a = a
            self.b = b
        }

        mutating func solve(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int, into out: inout RunBuilder) {
            var aLo = aLo, bLo = bLo, aHi = aHi, bHi = bHi
            var prefix = 0
            while aLo < aHi, bLo < bHi, a[aLo] == b[bLo] { aLo += 1; bLo += 1; prefix += 1 }
            var suffix = 0
            while aLo < aHi, bLo < bHi, a[aHi - 1] == b[bHi - 1] { aHi -= 1; bHi -= 1; suffix += 1 }
            out.add(.equal, prefix)
            if aLo == aHi {
                out.add(.insert, bHi - bLo)
            } else if bLo == bHi {
                out.add(.delete, aHi - aLo)
            } else if let (x, y) = middle(aLo, aHi, bLo, bHi) {
                solve(aLo, x, bLo, y, into: &out)
                solve(x, aHi, y, bHi, into: &out)
            } else {
                out.add(.delete, aHi - aLo)
                out.add(.insert, bHi - bLo)
            }
            out.add(.equal, suffix)
        }

        /// A point on an optimal edit path between the two ranges (neither end), where the
        /// forward and backward searches meet.
        mutating func middle(_ aLo: Int, _ aHi: Int, _ bLo: Int, _ bHi: Int) -> (Int, Int)? {
            let n = aHi - aLo, m = bHi - bLo
            let maxD = (n + m + 1) / 2
            let offset = maxD + 1
            let size = 2 * offset + 1
            if forward.count < size {
                forward = [Int](repeating: -1, count: size)
                backward = [Int](repeating: -1, count: size)
            } else {
                for i in 0..<size { forward[i] = -1; backward[i] = -1 }
            }
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = n - m
            let oddDelta = delta % 2 != 0
            for d in 0..<maxD {
                var k = -d
                while k <= d {
                    let i = offset + k
                    var x = (k == -d || (k != d && forward[i - 1] < forward[i + 1])) ? forward[i + 1] : forward[i - 1] + 1
                    var y = x - k
                    while x < n, y >= 0, y < m, a[aLo + x] == b[bLo + y] { x += 1; y += 1 }
                    forward[i] = x
                    if x > n || y > m || y < 0 { k += 2; continue }
                    if oddDelta {
                        let kb = offset + delta - k
                        if kb >= 0, kb < size, backward[kb] != -1, x >= n - backward[kb], x + y > 0, x + y < n + m {
                            return (aLo + x, bLo + y)
                        }
                    }
                    k += 2
                }
                k = -d
                while k <= d {
                    let i = offset + k
                    var x = (k == -d || (k != d && backward[i - 1] < backward[i + 1])) ? backward[i + 1] : backward[i - 1] + 1
                    var y = x - k
                    while x < n, y >= 0, y < m, a[aHi - 1 - x] == b[bHi - 1 - y] { x += 1; y += 1 }
                    backward[i] = x
                    if x > n || y > m || y < 0 { k += 2; continue }
                    if !oddDelta {
                        let kf = offset + delta - k
                        if kf >= 0, kf < size, forward[kf] != -1 {
                            let fx = forward[kf]
                            let fy = fx - (delta - k)
                            if fx >= n - x, fx + fy > 0, fx + fy < n + m {
                                return (aLo + fx, bLo + fy)
                            }
                        }
                    }
                    k += 2
                }
            }
            return nil
        }
    }
}

/// Gives equal strings equal small integer ids, so sequences can be diffed as integers.
public struct Interner {
    private var ids: [String: Int] = [:]
    private var sequences: [[Int]: Int] = [:]

    public init() {}

    public mutating func id(_ s: String) -> Int {
        if let id = ids[s] { return id }
        let id = ids.count + sequences.count
        ids[s] = id
        return id
    }

    /// An id for a sequence of ids (never equal to a string's id).
    public mutating func id(_ sequence: [Int]) -> Int {
        if let id = sequences[sequence] { return id }
        let id = ids.count + sequences.count
        sequences[sequence] = id
        return id
    }
}
