/// Which answer is good for the person whose data it is; the browser colours answers by it.
public enum Favourable: String, Sendable, Hashable, CaseIterable {
    case yes
    case no
    case neutral
}

/// How an answer reads for the user, given the question's favourable answer.
public enum AnswerTone: Sendable, Hashable {
    case favourable
    case unfavourable
    case mixed
    case neutral
}

/// One question of the taxonomy (`Data/questions.yaml`).
public struct Question: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    /// The answer that is good for the user; `neutral` when neither is.
    public var favourable: Favourable

    public init(id: String, title: LocalizedText, description: LocalizedText, favourable: Favourable = .neutral) {
        self.id = id
        self.title = title
        self.description = description
        self.favourable = favourable
    }

    /// The tone of an answer to this question: `yes`/`no` are favourable or not, `conditional`
    /// is mixed, and everything else (silent, n/a, unknown) is neutral.
    public func tone(of answer: Answer) -> AnswerTone {
        switch (answer, favourable) {
        case (.conditional, .yes), (.conditional, .no): return .mixed
        case (.yes, .yes), (.no, .no): return .favourable
        case (.yes, .no), (.no, .yes): return .unfavourable
        default: return .neutral
        }
    }
}
