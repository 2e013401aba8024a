import Fluent
import Foundation
import MockLoopCore

/// Imports and exports question packs for one user. An import is one transaction: every entry
/// is added, updated or refused (with the reason), and a failure part-way leaves nothing behind.
public struct PackRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// What an import did, entry by entry.
    public struct Report: Codable, Sendable, Equatable {
        public struct Refused: Codable, Sendable, Equatable {
            public var kind: String
            public var id: String
            public var reason: String
        }

        public var pack: String
        public var addedQuestions: [String] = []
        public var updatedQuestions: [String] = []
        public var addedRubrics: [String] = []
        public var updatedRubrics: [String] = []
        public var refused: [Refused] = []

        public var summary: String {
            "Pack '\(pack)': \(addedQuestions.count) questions added, \(updatedQuestions.count) updated; "
                + "\(addedRubrics.count) rubrics added, \(updatedRubrics.count) updated; \(refused.count) refused."
        }
    }

    /// A built-in id is never overwritten, nor another user's: those entries are refused; the
    /// user's own entries with the same id are updated; the rest are added.
    public func importPack(_ pack: QuestionPack.Checked) async throws -> Report {
        try await db.transaction { db in
            var report = Report(pack: pack.name)
            for rubric in pack.rubrics {
                if let existing = try await RubricModel.find(rubric.id, on: db) {
                    if existing.builtIn {
                        report.refused.append(
                            .init(kind: "rubric", id: rubric.id, reason: "a built-in rubric has this id: rename it in the pack"))
                    } else if existing.ownerID != userID {
                        report.refused.append(.init(kind: "rubric", id: rubric.id, reason: "the id is taken: rename it in the pack"))
                    } else {
                        try existing.set(rubric)
                        try await existing.update(on: db)
                        report.updatedRubrics.append(rubric.id)
                    }
                } else {
                    try await RubricModel(rubric, ownerID: userID, builtIn: false).create(on: db)
                    report.addedRubrics.append(rubric.id)
                }
            }
            for question in pack.questions {
                if let existing = try await QuestionModel.find(question.id, on: db) {
                    if existing.builtIn {
                        report.refused.append(
                            .init(kind: "question", id: question.id, reason: "a built-in question has this id: rename it in the pack"))
                    } else if existing.ownerID != userID {
                        report.refused.append(.init(kind: "question", id: question.id, reason: "the id is taken: rename it in the pack"))
                    } else {
                        try existing.set(question)
                        try await existing.update(on: db)
                        report.updatedQuestions.append(question.id)
                    }
                } else {
                    try await QuestionModel(question, ownerID: userID, builtIn: false).create(on: db)
                    report.addedQuestions.append(question.id)
                }
            }
            return report
        }
    }

    /// The user's own questions and rubrics as a pack (`builtIn`: the whole visible bank).
    public func export(name: String, builtIn: Bool) async throws -> QuestionPack {
        let questions = try await QuestionModel.query(on: db).group(.or) { g in
            g.filter(\.$ownerID == userID)
            if builtIn { g.filter(\.$builtIn == true) }
        }.sort(\.$id).all().map { try $0.question() }
        let rubrics = try await RubricModel.query(on: db).group(.or) { g in
            g.filter(\.$ownerID == userID)
            if builtIn { g.filter(\.$builtIn == true) }
        }.sort(\.$id).all().map { try $0.rubric() }
        return QuestionPack(name: name, rubrics: rubrics, questions: questions)
    }
}
