/// The scores a finished session carries: interviewer scores 1–3 per rubric dimension (each
/// with an optional note), the candidate's self-scores and confidence, and how it went.
public struct ScoreSheet: Codable, Sendable, Equatable {
    public var interviewerScores: [String: DimensionScore]
    public var selfScores: [String: Int]
    /// Self-rated confidence, 1 (shaky) to 5 (sure).
    public var confidence: Int?
    public var durationMinutes: Int?
    public var hintsUsed: Int
    public var pauses: Int
    /// The interviewer went easy: shown in reports so soft sessions are not mistaken for progress.
    public var wentEasy: Bool

    public init(
        interviewerScores: [String: DimensionScore] = [:], selfScores: [String: Int] = [:],
        confidence: Int? = nil, durationMinutes: Int? = nil, hintsUsed: Int = 0, pauses: Int = 0,
        wentEasy: Bool = false
    ) {
        self.interviewerScores = interviewerScores
        self.selfScores = selfScores
        self.confidence = confidence
        self.durationMinutes = durationMinutes
        self.hintsUsed = hintsUsed
        self.pauses = pauses
        self.wentEasy = wentEasy
    }

    /// Every field but the scores may be left out of a request body.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            interviewerScores: try c.decodeIfPresent([String: DimensionScore].self, forKey: .interviewerScores) ?? [:],
            selfScores: try c.decodeIfPresent([String: Int].self, forKey: .selfScores) ?? [:],
            confidence: try c.decodeIfPresent(Int.self, forKey: .confidence),
            durationMinutes: try c.decodeIfPresent(Int.self, forKey: .durationMinutes),
            hintsUsed: try c.decodeIfPresent(Int.self, forKey: .hintsUsed) ?? 0,
            pauses: try c.decodeIfPresent(Int.self, forKey: .pauses) ?? 0,
            wentEasy: try c.decodeIfPresent(Bool.self, forKey: .wentEasy) ?? false)
    }

    /// Checks every score against the rubric; all problems are reported together, by field.
    /// A sheet needs at least one score, by the interviewer or by the candidate.
    public func validate(against rubric: Rubric) throws {
        var problems = FieldProblems()
        if interviewerScores.isEmpty && selfScores.isEmpty { problems.add("interviewerScores", "score at least one dimension") }
        for (key, s) in interviewerScores {
            let field = "interviewerScores.\(key)"
            if rubric.dimension(key) == nil {
                problems.add(field, "'\(key)' is not a dimension of rubric \(rubric.id)")
            } else if !(1...3).contains(s.score) {
                problems.add(field, "score must be 1, 2 or 3 (got \(s.score))")
            }
            if let note = s.note, note.count > 2000 { problems.add(field + ".note", "is longer than 2000 characters") }
        }
        for (key, score) in selfScores {
            let field = "selfScores.\(key)"
            if rubric.dimension(key) == nil {
                problems.add(field, "'\(key)' is not a dimension of rubric \(rubric.id)")
            } else if !(1...3).contains(score) {
                problems.add(field, "score must be 1, 2 or 3 (got \(score))")
            }
        }
        if let confidence, !(1...5).contains(confidence) { problems.add("confidence", "must be 1 to 5 (got \(confidence))") }
        if let d = durationMinutes, !(1...600).contains(d) { problems.add("durationMinutes", "must be 1 to 600 minutes (got \(d))") }
        if !(0...50).contains(hintsUsed) { problems.add("hintsUsed", "must be 0 to 50 (got \(hintsUsed))") }
        if !(0...50).contains(pauses) { problems.add("pauses", "must be 0 to 50 (got \(pauses))") }
        try problems.check()
    }
}

/// An interviewer's score on one dimension.
public struct DimensionScore: Codable, Sendable, Equatable {
    public var score: Int
    public var note: String?

    public init(score: Int, note: String? = nil) {
        self.score = score
        self.note = note
    }

    /// Accepts a bare number (`2`) or `{"score": 2, "note": "…"}`.
    public init(from decoder: Decoder) throws {
        if let n = try? decoder.singleValueContainer().decode(Int.self) {
            self.init(score: n)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(score: try c.decode(Int.self, forKey: .score), note: try c.decodeIfPresent(String.self, forKey: .note))
    }
}
