/// What one answer of a timed mock covered, read once when it arrives and kept with the turn:
/// the interviewer sums these over the prompt instead of re-reading the whole conversation,
/// so a reply costs the same after 60 answers as after 2.
public struct AnswerCoverage: Codable, Sendable, Equatable {
    public var words: Int
    /// Question sentences: clarifying questions to the interviewer.
    public var questions: Int
    public var complexity: Bool
    public var edgeCases: Bool
    public var tradeOffs: Bool
    public var figures: Bool
    public var reflection: Bool
    /// Code pasted into the answer.
    public var code: Bool
    /// The candidate traced an example or a test through the solution.
    public var walked: Bool
    /// A plan stated in words (not a question): "I'd sort by start and sweep…".
    public var approach: Bool
    /// "I" and "we" in the action part; the story's action says only "we".
    public var i: Int
    public var we: Int
    public var noOwnership: Bool

    public init(
        words: Int = 0, questions: Int = 0, complexity: Bool = false, edgeCases: Bool = false, tradeOffs: Bool = false,
        figures: Bool = false, reflection: Bool = false, code: Bool = false, walked: Bool = false, approach: Bool = false,
        i: Int = 0, we: Int = 0, noOwnership: Bool = false
    ) {
        self.words = words
        self.questions = questions
        self.complexity = complexity
        self.edgeCases = edgeCases
        self.tradeOffs = tradeOffs
        self.figures = figures
        self.reflection = reflection
        self.code = code
        self.walked = walked
        self.approach = approach
        self.i = i
        self.we = we
        self.noOwnership = noOwnership
    }
}
