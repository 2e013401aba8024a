import Fluent
import Foundation
import MockLoopCore

/// Keeps the built-in rubrics and questions in the database in step with the shipped YAML,
/// in one transaction. Users' own rubrics and questions are never touched.
public struct ContentSeeder {
    let db: Database

    public init(db: Database) { self.db = db }

    public func seed(_ content: ContentLibrary) async throws {
        try await db.transaction { db in
            let rubrics = Dictionary(
                uniqueKeysWithValues: try await RubricModel.query(on: db).filter(\.$builtIn == true).all().map { ($0.id!, $0) })
            for rubric in content.rubrics {
                if let existing = rubrics[rubric.id] {
                    let fresh = try RubricModel(rubric, ownerID: nil, builtIn: true)
                    if existing.body != fresh.body {
                        try existing.set(rubric)
                        try await existing.update(on: db)
                    }
                } else {
                    try await RubricModel(rubric, ownerID: nil, builtIn: true).create(on: db)
                }
            }
            let questions = Dictionary(
                uniqueKeysWithValues: try await QuestionModel.query(on: db).filter(\.$builtIn == true).all().map { ($0.id!, $0) })
            for q in content.questions {
                if let existing = questions[q.id] {
                    let fresh = try QuestionModel(q, ownerID: nil, builtIn: true)
                    if existing.body != fresh.body {
                        try existing.set(q)
                        try await existing.update(on: db)
                    }
                } else {
                    try await QuestionModel(q, ownerID: nil, builtIn: true).create(on: db)
                }
            }
        }
    }
}
