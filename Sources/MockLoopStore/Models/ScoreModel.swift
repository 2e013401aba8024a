import Fluent
import Foundation

/// One score on one dimension, by the interviewer or by the candidate.
public final class ScoreModel: Model, @unchecked Sendable {
    public static let schema = "scores"

    @ID(key: .id) public var id: UUID?
    @Field(key: "session_id") public var sessionID: UUID
    @Field(key: "dimension") public var dimension: String
    /// "interviewer" or "self".
    @Field(key: "scorer") public var scorer: String
    @Field(key: "score") public var score: Int
    @OptionalField(key: "note") public var note: String?

    public init() {}

    public init(sessionID: UUID, dimension: String, scorer: String, score: Int, note: String? = nil) {
        self.sessionID = sessionID
        self.dimension = dimension
        self.scorer = scorer
        self.score = score
        self.note = note
    }
}
