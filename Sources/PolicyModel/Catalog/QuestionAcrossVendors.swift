/// One question across every vendor and surface, grouped by answer: the industry table of a
/// research note ("who trains on API inputs?"), for `show --question` and the browser.
public struct QuestionAcrossVendors: Sendable {
    public struct Group: Sendable {
        public var answer: Answer
        public var verdicts: [Verdict]
    }

    public var question: Question
    /// Groups in the order of `Answer.allCases`; empty groups are left out.
    public var groups: [Group]

    public var count: Int { groups.reduce(0) { $0 + $1.verdicts.count } }
}

extension Catalog {
    /// Every verdict for `questionID`, vendor by vendor in catalog order and surface by surface,
    /// grouped by answer; `answer` and `surface` narrow it. nil when the question does not exist.
    public func acrossVendors(question questionID: String, answer: Answer? = nil, surface: String? = nil) -> QuestionAcrossVendors? {
        guard let question = question(questionID) else { return nil }
        var byAnswer: [Answer: [Verdict]] = [:]
        for vendor in vendors {
            for s in vendor.surfaces where surface == nil || s.id == surface {
                guard let verdict = vendor.verdict(surface: s.id, question: questionID),
                      answer == nil || verdict.answer == answer else { continue }
                byAnswer[verdict.answer, default: []].append(verdict)
            }
        }
        let groups = Answer.allCases.compactMap { a in byAnswer[a].map { QuestionAcrossVendors.Group(answer: a, verdicts: $0) } }
        return QuestionAcrossVendors(question: question, groups: groups)
    }
}
