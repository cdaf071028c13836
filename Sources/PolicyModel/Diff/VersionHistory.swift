import Foundation

/// What one version of a document changed against the version before it.
public struct VersionStep: Sendable {
    public enum Status: String, Sendable {
        /// The oldest version: nothing to compare with.
        case first
        /// Carries at least one change that is not noise.
        case real
        /// Differs from the previous version only by noise (README, "Version diffs").
        case noise
        /// Byte for byte the same text.
        case identical
        /// Differs from the previous version, but is (noise aside) the text of an earlier one: the
        /// page flipped back, as when the archive recorded an error page in between.
        case repeated
        /// The text could not be read.
        case unreadable
    }

    public var version: DocumentVersion
    public var status: Status
    public var added = 0
    public var removed = 0
    public var changed = 0
    public var problem: String?
    /// The changes themselves, with their sections (kept only when asked for: see `history(of:from:)`).
    public var changes: [TextChange] = []
    /// The version before it (nil for the first).
    public var previous: DocumentVersion?

    public var changeCount: Int { added + removed + changed }
}

extension Catalog {
    /// Each version of `document` against the previous readable one, oldest first.
    /// Texts are read afresh and only the last three kept (the paragraphs they share with the
    /// next are not worked out again), so a whole history of hundreds of versions fits in memory.
    /// With `from` (a recording time), only the versions recorded then or later are returned,
    /// with their changes and sections kept; the earlier ones are read only to tell repeats
    /// (with `lookback`, only that many of them: a page that flips back does so soon).
    public func history(of document: PolicyDocument, from: String? = nil, lookback: Int? = nil) -> [VersionStep] {
        if let from, (document.versions.last?.stamp ?? "") < from { return [] }
        var steps: [VersionStep] = []
        var interner = Interner()
        var memo = BlockMemo()
        var previous: (version: DocumentVersion, text: String, side: DiffSide, blocks: [DiffBlock])?
        var seen = Set<[Int]>()
        var versions = document.versions[...]
        if let from, let lookback, let first = versions.firstIndex(where: { $0.stamp >= from }) {
            versions = versions[max(versions.startIndex, first - lookback)...]
        }
        for version in versions {
            let detailed = from.map { version.stamp >= $0 } ?? false
            let text: String
            switch transientText(of: version) {
            case .failure(let error):
                if from.map({ version.stamp >= $0 }) ?? true {
                    steps.append(VersionStep(version: version, status: .unreadable, problem: error.description, previous: previous?.version))
                }
                continue
            case .success(let t):
                text = t
            }
            // Byte for byte the text before (a page recorded again unchanged): its blocks are
            // those already worked out.
            if let before = previous, before.text == text {
                previous = (version, text, before.side, before.blocks)
                if from.map({ version.stamp >= $0 }) ?? true {
                    steps.append(VersionStep(version: version, status: .identical, previous: before.version))
                }
                continue
            }
            let side = DiffSide(text: text, withSections: detailed)
            let blocks = DiffBlocks.blocks(side, raw: false, interner: &interner, memo: &memo)
            memo.nextVersion()
            let fingerprint = blocks.map(\.key)
            defer {
                previous = (version, text, side, blocks)
                seen.insert(fingerprint)
            }
            // Before `from`: read only to know which texts came before.
            if let from, version.stamp < from { continue }
            guard let before = previous else {
                steps.append(VersionStep(version: version, status: .first))
                continue
            }
            let old = detailed && before.side.sections == nil ? DiffSide(text: before.text) : before.side
            let changes = VersionDiff.changes(before.blocks, blocks, old: old, new: side, raw: false)
            let repeated = !changes.isEmpty && seen.contains(fingerprint)
            var step = VersionStep(version: version, status: changes.isEmpty ? .noise : repeated ? .repeated : .real, previous: before.version)
            if detailed { step.changes = changes }
            for change in changes {
                switch change.kind {
                case .added: step.added += 1
                case .removed: step.removed += 1
                case .changed: step.changed += 1
                }
            }
            steps.append(step)
        }
        return steps
    }

    /// The history of each of `documents` (as `history(of:)`), worked out on every core: one
    /// document's versions depend on each other, different documents do not.
    public func histories(of documents: [PolicyDocument]) -> [[VersionStep]] {
        let results = Slots<[VersionStep]>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            results.put(i, history(of: documents[i]))
        }
        return documents.indices.map { results.get($0) ?? [] }
    }

    /// A version's text, read without keeping it.
    func transientText(of version: DocumentVersion) -> Result<String, TextLoadError> {
        guard let bytes = rawBytes(of: version) else {
            return .failure(TextLoadError(path: version.path, message: "could not read the file"))
        }
        return TextDecoding.decode(bytes).mapError { f in
            TextLoadError(path: version.path, message: f.message, line: f.line, column: f.column)
        }
    }
}
