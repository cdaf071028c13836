/// One question of the taxonomy (`Data/questions.yaml`).
public struct Question: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText

    public init(id: String, title: LocalizedText, description: LocalizedText) {
        self.id = id
        self.title = title
        self.description = description
    }
}
