import Fluent
import Foundation

/// The transcript attached to a session (one per session), kept as the user gave it so the
/// analysis can be rerun when the analyzers improve.
public final class TranscriptModel: Model, @unchecked Sendable {
    public static let schema = "transcripts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "session_id") public var sessionID: UUID
    @Field(key: "format") public var format: String
    @OptionalField(key: "candidate") public var candidate: String?
    @Field(key: "text") public var text: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
