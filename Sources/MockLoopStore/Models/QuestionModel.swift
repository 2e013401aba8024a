import Fluent
import Foundation
import MockLoopCore

/// A stored question: the searchable facts as columns, the whole question as JSON.
public final class QuestionModel: Model, @unchecked Sendable {
    public static let schema = "questions"

    @ID(custom: "id", generatedBy: .user) public var id: String?
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    @Field(key: "type") public var type: String
    @Field(key: "difficulty") public var difficulty: String
    @Field(key: "title") public var title: String
    @Field(key: "built_in") public var builtIn: Bool
    @Field(key: "body") public var body: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(_ q: Question, ownerID: UUID?, builtIn: Bool) throws {
        id = builtIn ? q.id : ownerID.map { OwnedKey.make(q.id, owner: $0) } ?? q.id
        self.ownerID = ownerID
        self.builtIn = builtIn
        type = ""
        difficulty = ""
        title = ""
        body = ""
        try set(q)
    }

    public func set(_ q: Question) throws {
        type = q.type.rawValue
        difficulty = q.difficulty.rawValue
        title = q.title
        body = String(decoding: try JSONEncoder.stable.encode(q), as: UTF8.self)
    }

    public func question() throws -> Question { try DecodedQuestions.shared.question(body) }
}
