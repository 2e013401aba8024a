import Fluent
import Foundation

/// One mock (or real interview) in the running log.
public final class SessionModel: Model, @unchecked Sendable {
    public static let schema = "sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "type") public var type: String
    @Field(key: "mode") public var mode: String
    @Field(key: "status") public var status: String
    @Field(key: "rubric_id") public var rubricID: String
    @OptionalField(key: "question_id") public var questionID: String?
    @OptionalField(key: "question_title") public var questionTitle: String?
    @OptionalField(key: "interviewer") public var interviewer: String?
    @OptionalField(key: "company") public var company: String?
    @OptionalField(key: "tier") public var tier: String?
    @OptionalField(key: "level") public var level: String?
    @OptionalField(key: "difficulty") public var difficulty: String?
    /// When the session happened (or is planned): the log's date.
    @Field(key: "started_at") public var startedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @OptionalField(key: "duration_minutes") public var durationMinutes: Int?
    @Field(key: "hints_used") public var hintsUsed: Int
    @Field(key: "pauses") public var pauses: Int
    @OptionalField(key: "confidence") public var confidence: Int?
    @Field(key: "went_easy") public var wentEasy: Bool
    @Field(key: "is_repeat") public var isRepeat: Bool
    @OptionalField(key: "notes") public var notes: String?
    /// Lowercased text the log search matches, so search is case-insensitive on both databases.
    @Field(key: "search_text") public var searchText: String
    /// "id:<uuid>" or "row:<hash>": what makes an import idempotent.
    @Field(key: "import_key") public var importKey: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
