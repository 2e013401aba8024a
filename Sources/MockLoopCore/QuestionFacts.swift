/// Something an interviewer may say about a question when the candidate asks: a constraint, a
/// size, an input guarantee, an edge case's answer, or (`open`) a requirement left open on purpose.
public struct QuestionFact: Codable, Sendable, Equatable {
    /// Words or phrases a clarifying question about this fact would use.
    public var ask: [String]
    public var say: String
    /// Left to the candidate on purpose (Staff prompts): the interviewer says so.
    public var open: Bool?

    public init(ask: [String], say: String, open: Bool? = nil) {
        self.ask = ask
        self.say = say
        self.open = open
    }

    public var isOpen: Bool { open ?? false }
}

/// What a strong answer looks like, shown only in the result after the mock.
public struct ModelAnswer: Codable, Sendable, Equatable {
    /// Coding and design: the approach; behavioral: what a 3 looks like for the prompt.
    public var outline: String
    public var complexity: String?
    public var tradeOffs: [String]?
    /// Coding: words naming approaches that work, to notice a plan that shares none of them.
    public var approaches: [String]?
    /// Behavioral: words a story answering the prompt uses, to notice an off-topic story.
    public var themeWords: [String]?

    public init(
        outline: String, complexity: String? = nil, tradeOffs: [String]? = nil, approaches: [String]? = nil, themeWords: [String]? = nil
    ) {
        self.outline = outline
        self.complexity = complexity
        self.tradeOffs = tradeOffs
        self.approaches = approaches
        self.themeWords = themeWords
    }
}
