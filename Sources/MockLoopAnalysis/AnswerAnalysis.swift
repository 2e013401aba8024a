/// What one candidate answer (a candidate turn between interviewer turns) showed.
public struct AnswerAnalysis: Codable, Sendable, Equatable {
    public struct Ownership: Codable, Sendable, Equatable {
        /// "I / me / my" and "we / us / our" in the action part.
        public var i: Int
        public var we: Int
        /// The action part says what the candidate did ("we" elsewhere is fine).
        public var actionHasI: Bool
    }

    public struct Technical: Codable, Sendable, Equatable {
        public var complexity: [String]
        public var edgeCases: [String]
        public var tradeOffs: [String]
    }

    public struct Reflection: Codable, Sendable, Equatable {
        public var present: Bool
        public var sentence: String?
    }

    public struct Fillers: Codable, Sendable, Equatable {
        public var total: Int
        public var perMinute: Double?
        public var share: Double
        public var byWord: [String: Int]
    }

    public var startSeconds: Double?
    public var durationSeconds: Double?
    public var words: Int
    public var wordsPerMinute: Double?
    public var timeToFirstWordSeconds: Double?
    public var fillers: Fillers
    public var pauses: [Pause]
    public var star: StarDetector.Report
    public var leadsWithImpact: Bool
    public var ownership: Ownership
    public var quantified: [String]
    public var reflection: Reflection
    public var technical: Technical
    public var clarifyingQuestions: Int
    public var redFlags: [RedFlag]
    /// Softer signals than red flags: "rambling_soon" (past 2.5 min), "pace_fast", "pace_slow", "fillers_high".
    public var warnings: [String] = []
}

/// A gap inside an answer.
public struct Pause: Codable, Sendable, Equatable {
    public var startSeconds: Double
    public var durationSeconds: Double
    /// Long enough to be a silence (≥ 5 s by default), not just a pause.
    public var isSilence: Bool
}

/// The red flags an interviewer would write down, in order of how much they cost.
public enum RedFlag: String, Codable, Sendable, CaseIterable, Comparable {
    case noOwnership = "no_ownership"
    case vagueResult = "vague_result"
    case noClarifyingQuestions = "no_clarifying_questions"
    case noComplexity = "no_complexity"
    case defensive
    case rigid
    case rambling
    case longSilence = "long_silence"

    public static func < (a: RedFlag, b: RedFlag) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
