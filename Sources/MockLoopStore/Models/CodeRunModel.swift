import Fluent
import Foundation
import MockLoopCore

/// One run of a candidate's code: what the runner said, kept so the compile-success and pass
/// rates can be shown per user and per session. The code itself is not stored.
public final class CodeRunModel: Model, @unchecked Sendable {
    public static let schema = "code_runs"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @OptionalField(key: "session_id") public var sessionID: UUID?
    @OptionalField(key: "question_id") public var questionID: String?
    @Field(key: "language") public var language: Language
    @Field(key: "verdict") public var verdict: Verdict
    @OptionalField(key: "compiled") public var compiled: Bool?
    @Field(key: "passed") public var passed: Int
    @Field(key: "total") public var total: Int
    @Field(key: "total_ms") public var totalMs: Double
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
