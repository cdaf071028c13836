/// The blocks of the last versions of a history, by their raw text: consecutive versions share
/// most paragraphs, and a paragraph's canonical tokens depend on its own text alone, so they are
/// worked out once, not once per version. The two versions before the one being read are kept, so
/// that a page that flips to an error page and back is not worked out again; older ones are
/// dropped, bounding memory.
struct BlockMemo {
    /// A block's key and tokens, offsets relative to the block's start.
    struct Entry {
        var key: Int
        var tokens: [DiffToken]
    }

    /// Off: blocks are worked out every time (a single diff has nothing to share).
    let isOn: Bool
    private var current: [BlockText: Entry] = [:]
    private var older: [[BlockText: Entry]] = []
    /// Versions kept besides the one being read.
    private static let generations = 2
    /// How many blocks were taken rather than worked out.
    private(set) var hits = 0

    init(isOn: Bool = true) { self.isOn = isOn }

    /// The entry for a block of this raw text, kept for the version being read.
    mutating func take(_ text: BlockText) -> Entry? {
        if let entry = current[text] {
            hits += 1
            return entry
        }
        for generation in older {
            if let entry = generation[text] {
                current[text] = entry
                hits += 1
                return entry
            }
        }
        return nil
    }

    mutating func keep(_ text: BlockText, _ entry: Entry) { current[text] = entry }

    /// A version was read: its blocks are the newest generation.
    mutating func nextVersion() {
        guard isOn else { return }
        older.insert(current, at: 0)
        if older.count > Self.generations { older.removeLast(older.count - Self.generations) }
        current = [:]
    }
}

/// A block's raw text as a dictionary key, without copying it out of the version's scalars
/// (building a String of every block cost more than working out most blocks).
struct BlockText: Hashable {
    let scalars: ArraySlice<Unicode.Scalar>
    private let digest: UInt64

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        self.scalars = scalars
        // FNV-1a over the scalar values: one pass, no allocation.
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in scalars {
            h ^= UInt64(s.value)
            h &*= 0x100_0000_01b3
        }
        digest = h
    }

    func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    static func == (a: BlockText, b: BlockText) -> Bool {
        a.digest == b.digest && a.scalars.elementsEqual(b.scalars)
    }
}
