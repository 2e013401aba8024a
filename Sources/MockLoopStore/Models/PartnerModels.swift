import Fluent
import Foundation

/// A user's partner profile: the profile as they wrote it, and the matching card made from it.
public final class PartnerProfileModel: Model, @unchecked Sendable {
    public static let schema = "partner_profiles"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "handle") public var handle: String
    @Field(key: "visible") public var visible: Bool
    /// The profile's input as JSON, without its loops (they have their own rows).
    @Field(key: "body") public var body: String
    /// `MatchCard.text`.
    @Field(key: "card") public var card: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}

/// A loop someone passed; `verified` is set by an admin.
public final class PassedLoopModel: Model, @unchecked Sendable {
    public static let schema = "passed_loops"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "company") public var company: String
    @Field(key: "tier") public var tier: String
    @Field(key: "level") public var level: String
    /// Comma-separated interview types.
    @Field(key: "types") public var types: String
    @Field(key: "month") public var month: String
    @Field(key: "verified") public var verified: Bool
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// `userID` never sees `blockedID` again, nor `blockedID` them.
public final class PartnerBlockModel: Model, @unchecked Sendable {
    public static let schema = "partner_blocks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "blocked_id") public var blockedID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A report to the admins about a person, with the reporter's reason.
public final class PartnerReportModel: Model, @unchecked Sendable {
    public static let schema = "partner_reports"

    @ID(key: .id) public var id: UUID?
    @Field(key: "reporter_id") public var reporterID: UUID
    @Field(key: "reported_id") public var reportedID: UUID
    @Field(key: "reason") public var reason: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "closed_at") public var closedAt: Date?

    public init() {}
}

/// `userID` agrees to show their name to `otherID`; names show once both have agreed.
public final class PartnerRevealModel: Model, @unchecked Sendable {
    public static let schema = "partner_reveals"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "other_id") public var otherID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
