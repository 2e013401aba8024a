import Fluent
import Foundation

/// A session's retrospective. One per session (unique), and one fix in it by construction.
public final class RetroModel: Model, @unchecked Sendable {
    public static let schema = "retros"

    @ID(key: .id) public var id: UUID?
    @Field(key: "session_id") public var sessionID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "went_well") public var wentWell: String
    @Field(key: "went_wrong") public var wentWrong: String
    @Field(key: "fix_dimension") public var fixDimension: String
    @Field(key: "fix_text") public var fixText: String
    @Field(key: "drill") public var drill: String
    @Field(key: "drill_done") public var drillDone: Bool
    @OptionalField(key: "drill_done_at") public var drillDoneAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
