import Fluent
import Foundation

/// A share link: what it opens (`kind`, `subject`), until when; only the token's hash is kept.
public final class ShareLinkModel: Model, @unchecked Sendable {
    public static let schema = "share_links"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    /// "rubric", "partner_kit" or "scorecard".
    @Field(key: "kind") public var kind: String
    /// The rubric's id or the session's id.
    @Field(key: "subject") public var subject: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "expires_at") public var expiresAt: Date

    public init() {}
}

/// One opening of a share link: when, and by whom when they were signed in.
public final class ShareOpeningModel: Model, @unchecked Sendable {
    public static let schema = "share_openings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "link_id") public var linkID: UUID
    @Field(key: "at") public var at: Date
    @OptionalField(key: "viewer_id") public var viewerID: UUID?

    public init() {}
}

/// What a partner answered through the partner kit, beside their scores: the three questions
/// the seeds tell candidates to ask.
public final class PartnerFeedbackModel: Model, @unchecked Sendable {
    public static let schema = "partner_feedback"

    @ID(key: .id) public var id: UUID?
    @Field(key: "session_id") public var sessionID: UUID
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "name") public var name: String
    /// "What would make my answer stronger?"
    @Field(key: "stronger") public var stronger: String
    /// "How was my communication style?"
    @Field(key: "communication") public var communication: String
    /// "What concerns might a real interviewer have?"
    @Field(key: "concerns") public var concerns: String
    @Field(key: "created_at") public var createdAt: Date
    /// The candidate's rating of this feedback, 1–3: was it specific, was it honest.
    @OptionalField(key: "specific") public var specific: Int?
    @OptionalField(key: "honest") public var honest: Int?

    public init() {}
}
