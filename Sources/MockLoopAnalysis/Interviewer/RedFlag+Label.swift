extension RedFlag {
    /// How the flag reads in feedback.
    public var label: String {
        switch self {
        case .noOwnership: "No ownership: the actions are the team's, not yours"
        case .vagueResult: "Vague result: no measured outcome"
        case .noClarifyingQuestions: "No clarifying questions before solving"
        case .noComplexity: "Complexity never stated"
        case .defensive: "Defensive reply to pushback"
        case .rigid: "Held the same answer after a flaw was pointed out"
        case .rambling: "Rambling: an answer over 3 minutes"
        case .longSilence: "Long silence"
        }
    }
}
