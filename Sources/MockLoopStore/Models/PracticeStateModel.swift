import Fluent
import Foundation

/// A timed AI mock's state as JSON, with a revision so two tabs cannot overwrite each other.
public final class PracticeStateModel: Model, @unchecked Sendable {
    public static let schema = "practice_states"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "session_id") public var sessionID: UUID
    @Field(key: "status") public var status: String
    @Field(key: "state") public var state: String
    /// The result, computed once when the mock ends (with the calibration of that day).
    @OptionalField(key: "feedback") public var feedback: String?
    @Field(key: "revision") public var revision: Int
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
