import Fluent
import Foundation

/// One user's target and the rubric they chose last for each interview type.
public final class TargetModel: Model, @unchecked Sendable {
    public static let schema = "targets"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @OptionalField(key: "tier") public var tier: String?
    @OptionalField(key: "level") public var level: String?
    /// Comma-separated interview types; nil until the user has set a target.
    @OptionalField(key: "types") public var types: String?
    @OptionalField(key: "loop_date") public var loopDate: String?
    @OptionalField(key: "company") public var company: String?
    /// JSON object: interview type → rubric id.
    @Field(key: "rubric_choices") public var rubricChoices: String
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}
}
