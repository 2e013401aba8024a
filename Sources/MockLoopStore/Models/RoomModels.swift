import Fluent
import Foundation

/// A live room: one mock between a candidate and an interviewer, tied to the candidate's session.
/// Its state (clock, code, hints) is stored here so every instance serving it reads the same.
public final class RoomModel: Model, @unchecked Sendable {
    public static let schema = "rooms"

    @ID(key: .id) public var id: UUID?
    /// Who made the room.
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "session_id") public var sessionID: UUID
    @Field(key: "candidate_id") public var candidateID: UUID
    /// A signed-in interviewer; nil for a guest (or before anyone has joined).
    @OptionalField(key: "interviewer_id") public var interviewerID: UUID?
    @OptionalField(key: "interviewer_name") public var interviewerName: String?
    /// The hash of the guest interviewer's seat token (kept in their browser's cookie).
    @OptionalField(key: "guest_hash") public var guestHash: String?
    @Field(key: "join_hash") public var joinHash: String
    @Field(key: "question_id") public var questionID: String
    @Field(key: "rubric_id") public var rubricID: String
    @Field(key: "type") public var type: String
    /// The candidate lets the interviewer see their last priority fix.
    @Field(key: "show_fix") public var showFix: Bool
    @Field(key: "state") public var state: String
    @Field(key: "last_seq") public var lastSeq: Int
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "ended_at") public var endedAt: Date?
    @Field(key: "expires_at") public var expiresAt: Date
    /// The reciprocal mock "Swap roles" opened after this one.
    @OptionalField(key: "next_room_id") public var nextRoomID: UUID?

    public init() {}
}

/// One numbered event of a room.
public final class RoomEventModel: Model, @unchecked Sendable {
    public static let schema = "room_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "room_id") public var roomID: UUID
    @Field(key: "seq") public var seq: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "audience") public var audience: String
    @OptionalField(key: "by_role") public var byRole: String?
    /// "<connection>:<cid>": a resent command is stored once.
    @OptionalField(key: "client_key") public var clientKey: String?
    @Field(key: "body") public var body: String
    @Field(key: "at") public var at: Date

    public init() {}
}
