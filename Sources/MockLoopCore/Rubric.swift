/// A rubric: the dimensions a session is scored on, agreed before the session starts.
public struct Rubric: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var type: InterviewType
    public var description: String
    public var dimensions: [Dimension]

    public init(id: String, name: String, type: InterviewType, description: String, dimensions: [Dimension]) {
        self.id = id
        self.name = name
        self.type = type
        self.description = description
        self.dimensions = dimensions
    }

    public func dimension(_ key: String) -> Dimension? { dimensions.first { $0.key == key } }
}

/// One scored dimension and what a 1, a 2 and a 3 look like on it.
public struct Dimension: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var question: String
    public var score1: String
    public var score2: String
    public var score3: String

    public init(key: String, name: String, question: String, score1: String, score2: String, score3: String) {
        self.key = key
        self.name = name
        self.question = question
        self.score1 = score1
        self.score2 = score2
        self.score3 = score3
    }

    public func anchor(for score: Int) -> String {
        switch score {
        case 1: score1
        case 2: score2
        default: score3
        }
    }
}
