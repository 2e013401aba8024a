import Fluent
import Foundation
import MockLoopCore

/// A stored rubric. Built-ins have no owner; a user's clone belongs to them. The
/// dimensions travel as one JSON document because they are always read and written whole.
public final class RubricModel: Model, @unchecked Sendable {
    public static let schema = "rubrics"

    @ID(custom: "id", generatedBy: .user) public var id: String?
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    @Field(key: "type") public var type: String
    @Field(key: "name") public var name: String
    @Field(key: "built_in") public var builtIn: Bool
    @OptionalField(key: "cloned_from") public var clonedFrom: String?
    @Field(key: "body") public var body: String
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    public init() {}

    public init(_ rubric: Rubric, ownerID: UUID?, builtIn: Bool, clonedFrom: String? = nil) throws {
        id = builtIn ? rubric.id : ownerID.map { OwnedKey.make(rubric.id, owner: $0) } ?? rubric.id
        self.ownerID = ownerID
        self.builtIn = builtIn
        self.clonedFrom = clonedFrom
        type = ""
        name = ""
        body = ""
        try set(rubric)
    }

    public func set(_ rubric: Rubric) throws {
        type = rubric.type.rawValue
        name = rubric.name
        body = String(decoding: try JSONEncoder.stable.encode(rubric), as: UTF8.self)
    }

    public func rubric() throws -> Rubric { try JSONDecoder().decode(Rubric.self, from: Data(body.utf8)) }
}

extension JSONEncoder {
    /// Sorted keys, so the same content always encodes to the same text and the seeder
    /// can tell "unchanged" from "changed" by comparing strings.
    static var stable: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }
}
