/// What a partner answers after scoring through the partner kit: their name and the three
/// questions the seeds tell candidates to ask the person who interviewed them.
public struct PartnerFeedback: Codable, Sendable, Equatable {
    public static let questions = [
        ("stronger", "What would make my answer stronger?"),
        ("communication", "How was my communication style?"),
        ("concerns", "What concerns might a real interviewer have?"),
    ]

    public var name: String
    public var stronger: String
    public var communication: String
    public var concerns: String

    public init(name: String, stronger: String, communication: String, concerns: String) {
        self.name = name
        self.stronger = stronger
        self.communication = communication
        self.concerns = concerns
    }

    /// Every field is needed; each problem names its field.
    public func validate() throws {
        var problems = FieldProblems()
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty { problems.add("name", "is required: your name goes on the scores") }
        if trimmedName.count > 80 { problems.add("name", "must be at most 80 characters") }
        for (field, text) in [("stronger", stronger), ("communication", communication), ("concerns", concerns)] {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if t.isEmpty { problems.add(field, "needs an answer: a sentence or two is enough") }
            if t.count > 2000 { problems.add(field, "must be at most 2000 characters") }
        }
        try problems.check()
    }
}
