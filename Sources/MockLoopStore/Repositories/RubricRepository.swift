import Fluent
import Foundation
import MockLoopCore

/// A rubric as a user sees it: the built-ins plus their own edited clones.
public struct StoredRubric: Sendable {
    public var rubric: Rubric
    public var builtIn: Bool
    public var clonedFrom: String?
}

/// Reads built-in and user rubrics; clones and edits a user's own.
public struct RubricRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    private func visible() -> QueryBuilder<RubricModel> {
        RubricModel.query(on: db).group(.or) { $0.filter(\.$builtIn == true).filter(\.$ownerID == userID) }
    }

    public func all(type: InterviewType? = nil) async throws -> [StoredRubric] {
        var q = visible()
        if let type { q = q.filter(\.$type == type.rawValue) }
        return try await q.sort(\.$builtIn, .descending).sort(\.$name).all().map(stored)
    }

    public func find(_ id: String) async throws -> StoredRubric {
        return try stored(try await model(id))
    }

    /// The stored row of a rubric this user sees (a built-in's before their own of the same id).
    func model(_ id: String) async throws -> RubricModel {
        guard let m = try await visible().filter(\.$id ~~ OwnedKey.candidates(id, owner: userID)).sort(\.$builtIn, .descending).first()
        else { throw MockLoopError.notFound("rubric '\(id)'") }
        return m
    }

    /// The built-in rubric of a type: what a session uses unless the user picks a clone.
    public func builtIn(for type: InterviewType) async throws -> Rubric {
        guard let m = try await RubricModel.query(on: db).filter(\.$builtIn == true).filter(\.$type == type.rawValue).sort(\.$id).first()
        else {
            throw MockLoopError(.unavailable, "no built-in rubric for \(type.rawValue): the content was not loaded")
        }
        return try m.rubric()
    }

    /// Every rubric this user can score with, by id (import resolves `rubric_id` against it).
    public func byID() async throws -> [String: Rubric] {
        Dictionary(uniqueKeysWithValues: try await all().map { ($0.rubric.id, $0.rubric) })
    }

    public func defaults() async throws -> [InterviewType: Rubric] {
        var out: [InterviewType: Rubric] = [:]
        for type in InterviewType.allCases { out[type] = try await builtIn(for: type) }
        return out
    }

    /// Copies a rubric into the user's own, editable one.
    public func clone(_ id: String, name: String?) async throws -> StoredRubric {
        var rubric = try await find(id).rubric
        let slug = Slug.make(from: (name?.isEmpty == false ? name! : rubric.name + " copy"))
        let base = slug.isEmpty ? "\(id)-copy" : slug
        var candidate = base
        var n = 2
        while try await visible().filter(\.$id ~~ OwnedKey.candidates(candidate, owner: userID)).count() > 0 {
            candidate = "\(base)-\(n)"
            n += 1
        }
        rubric.id = candidate
        if let name, !name.trimmingCharacters(in: .whitespaces).isEmpty { rubric.name = name } else { rubric.name += " (copy)" }
        let model = try RubricModel(rubric, ownerID: userID, builtIn: false, clonedFrom: id)
        try await model.create(on: db)
        return try stored(model)
    }

    /// Replaces a clone's name, description and dimension texts. Built-ins are read-only.
    public func update(_ id: String, with edited: Rubric) async throws -> StoredRubric {
        let m = try await model(id)
        guard !m.builtIn else { throw MockLoopError(.conflict, "built-in rubrics are read-only: clone it and edit the clone") }
        var rubric = edited
        rubric.id = id
        rubric.type = try m.rubric().type
        try rubric.validate()
        try m.set(rubric)
        try await m.update(on: db)
        return try stored(m)
    }

    private func stored(_ m: RubricModel) throws -> StoredRubric {
        StoredRubric(rubric: try m.rubric(), builtIn: m.builtIn, clonedFrom: m.clonedFrom)
    }
}
