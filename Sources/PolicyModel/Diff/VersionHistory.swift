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

    public var changeCount: Int { added + removed + changed }
}

extension Catalog {
    /// Each version of `document` against the previous readable one, oldest first.
    /// Texts are read afresh and not kept, so a whole history of hundreds of versions fits in memory.
    public func history(of document: PolicyDocument) -> [VersionStep] {
        var steps: [VersionStep] = []
        var interner = Interner()
        var previous: (text: String, side: DiffSide, blocks: [DiffBlock])?
        var seen = Set<[Int]>()
        for version in document.versions {
            let text: String
            switch transientText(of: version) {
            case .failure(let error):
                steps.append(VersionStep(version: version, status: .unreadable, problem: error.description))
                continue
            case .success(let t):
                text = t
            }
            let side = DiffSide(text: text, withSections: false)
            let blocks = DiffBlocks.blocks(side, raw: false, interner: &interner)
            let fingerprint = blocks.map(\.key)
            defer {
                previous = (text, side, blocks)
                seen.insert(fingerprint)
            }
            guard let before = previous else {
                steps.append(VersionStep(version: version, status: .first))
                continue
            }
            if before.text == text {
                steps.append(VersionStep(version: version, status: .identical))
                continue
            }
            let changes = VersionDiff.changes(before.blocks, blocks, old: before.side, new: side, raw: false)
            let repeated = !changes.isEmpty && seen.contains(fingerprint)
            var step = VersionStep(version: version, status: changes.isEmpty ? .noise : repeated ? .repeated : .real)
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
