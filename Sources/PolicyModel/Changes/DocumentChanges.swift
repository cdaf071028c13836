/// A recorded version and what it changed against the version before it (`termlens changes`).
public struct DocumentChange: Sendable {
    public enum Kind: String, Sendable {
        /// At least one change that is not noise (or the first version of a document).
        case real
        /// Noise only, the same text again, or a text seen before (the page flipped back).
        case noise
    }

    /// A verdict one of whose quotes was in the previous version and is not, as written, in this one.
    public struct Affected: Sendable, Hashable {
        public var vendor: String
        public var surface: String
        public var question: String
        /// `moved` (another section), `changed` (edited) or `gone`.
        public var status: DriftStatus
    }

    public var document: PolicyDocument
    public var version: DocumentVersion
    public var previous: DocumentVersion?
    public var kind: Kind
    /// The finer status of the version (first, real, noise, identical, repeated).
    public var status: VersionStep.Status
    /// The sections changed, in the order of the text, each once.
    public var sections: [String]
    public var added: Int
    public var removed: Int
    public var changed: Int
    public var affects: [Affected]
    /// Whether this version (or a newer one) of the document has been seen (see `LookState`).
    public var seen: Bool
}

extension DocumentVersion {
    /// When it was recorded, ISO 8601 UTC (`2026-03-27T11:30:37Z`); a date alone for versions carried in the data.
    public var recordedTime: String {
        origin == .data ? date.description : StateStore.isoTime(fromStamp: stamp)
    }
}

extension Catalog {
    /// How many versions before the first one listed are read to tell a text that comes back
    /// (`repeated`) from a new one; reading whole histories made `changes` slow.
    static let repeatLookback = 12

    /// The versions recorded at `since` (a recording time `YYYY-MM-DDTHH-MM-SSZ`, or a date's
    /// start) or later, newest first: real changes only unless `includeNoise`. Each names the
    /// sections it changed and the verdicts whose quotes it changed, moved or removed.
    /// Secondary documents (research notes, press) are not terms: their versions are left out.
    public func changes(since: String, vendor: String? = nil, includeNoise: Bool = false,
                        state: LookState = LookState()) -> [DocumentChange] {
        var out: [DocumentChange] = []
        for v in vendors where vendor == nil || v.id == vendor {
            for doc in v.documents where doc.role == .primary {
                for step in history(of: doc, from: since, lookback: Self.repeatLookback) where step.status != .unreadable {
                    let kind: DocumentChange.Kind = step.status == .real || step.status == .first ? .real : .noise
                    guard kind == .real || includeNoise else { continue }
                    var sections: [String] = []
                    for change in step.changes {
                        if let s = change.section ?? change.oldSection, !sections.contains(s) { sections.append(s) }
                    }
                    out.append(DocumentChange(document: doc, version: step.version, previous: step.previous, kind: kind, status: step.status,
                                              sections: sections, added: step.added, removed: step.removed, changed: step.changed,
                                              affects: kind == .real ? affected(doc, from: step.previous, to: step.version) : [],
                                              seen: state.hasSeen(doc.ref, step.version)))
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: vendors.enumerated().map { ($1.id, $0) })
        return out.sorted {
            ($1.version.stamp, order[$0.document.vendor] ?? 0, $0.document.id) < ($0.version.stamp, order[$1.document.vendor] ?? 0, $1.document.id)
        }
    }

    /// The changes since the last look recorded in `state` (else `days` days before `now`).
    public func changesSinceLastLook(_ state: LookState, now: String = StateStore.now(), days: Int = 30,
                                     vendor: String? = nil, includeNoise: Bool = false) -> [DocumentChange] {
        changes(since: Self.changesStart(state, now: now, days: days), vendor: vendor, includeNoise: includeNoise, state: state)
    }

    /// The recording time changes are listed from: the last look, or `days` days before `now` (ISO 8601).
    public static func changesStart(_ state: LookState, now: String, days: Int = 30) -> String {
        if let last = state.lastLook { return StateStore.stamp(fromISOTime: last) }
        let today = SimpleDate(now.prefix(10)) ?? SimpleDate.today()
        return SimpleDate(dayNumber: today.dayNumber - days).description + "T00-00-00Z"
    }

    /// Verdicts whose quotes of `document` were in `old` and are moved, changed or gone in `new`.
    func affected(_ document: PolicyDocument, from old: DocumentVersion?, to new: DocumentVersion) -> [DocumentChange.Affected] {
        guard let old, quotes(document) else { return [] }
        guard case .success(let before) = preparedTransient(old), case .success(let after) = preparedTransient(new) else { return [] }
        var out: [DocumentChange.Affected] = []
        for drift in evidenceDrift(of: document, old: before, new: after) where drift.oldAnchor != nil && drift.status != .still {
            let a = DocumentChange.Affected(vendor: drift.verdict.vendor, surface: drift.verdict.surface, question: drift.verdict.question, status: drift.status)
            if !out.contains(a) { out.append(a) }
        }
        return out
    }

    /// Whether any verdict quotes the document.
    private func quotes(_ document: PolicyDocument) -> Bool {
        vendors.contains { $0.verdicts.contains { $0.evidence.contains { $0.vendor == document.vendor && $0.document == document.id } } }
    }

    /// A version prepared for anchoring without keeping it (histories are long).
    private func preparedTransient(_ version: DocumentVersion) -> Result<PreparedText, TextLoadError> {
        transientText(of: version).map(PreparedText.init)
    }
}
