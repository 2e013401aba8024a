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

    /// A built-in id is never overwritten: those entries are refused; the
    /// user's own entries with the same id are updated; the rest are added.
    public func importPack(_ pack: QuestionPack.Checked) async throws -> Report {
        try await db.transaction { db in try await PackRepository(db: db, userID: userID).write(pack) }
    }

    /// Places every entry of a pack on this repository's database (the caller's transaction).
    func write(_ pack: QuestionPack.Checked) async throws -> Report {
        do {
            var report = Report(pack: pack.name)
            for rubric in pack.rubrics {
                let existing = try await RubricModel.query(on: db).filter(\.$id ~~ OwnedKey.candidates(rubric.id, owner: userID))
                    .sort(\.$builtIn, .descending).first()
                switch try place("rubric", rubric.id, builtIn: existing?.builtIn, into: &report) {
                case .update:
                    try existing!.set(rubric)
                    try await existing!.update(on: db)
                    report.updatedRubrics.append(rubric.id)
                case .add:
                    try await RubricModel(rubric, ownerID: userID, builtIn: false).create(on: db)
                    report.addedRubrics.append(rubric.id)
                case .refuse: break
                }
            }
            for question in pack.questions {
                let existing = try await QuestionModel.query(on: db).filter(\.$id ~~ OwnedKey.candidates(question.id, owner: userID))
                    .sort(\.$builtIn, .descending).first()
                switch try place("question", question.id, builtIn: existing?.builtIn, into: &report) {
                case .update:
                    try existing!.set(question)
                    try await existing!.update(on: db)
                    report.updatedQuestions.append(question.id)
                case .add:
                    try await QuestionModel(question, ownerID: userID, builtIn: false).create(on: db)
                    report.addedQuestions.append(question.id)
                case .refuse: break
                }
            }
            return report
        }
    }

    enum Placement { case add, update, refuse }

    /// Where one entry goes, the same rule for rubrics and questions: a built-in's id is refused
    /// (and the refusal reported), the user's own is updated, a new one added. Other users' ids
    /// are never seen: each user's are their own.
    func place(_ kind: String, _ id: String, builtIn: Bool?, into report: inout Report) throws -> Placement {
        guard let builtIn else { return .add }
        if builtIn {
            report.refused.append(.init(kind: kind, id: id, reason: "a built-in \(kind) has this id: rename it in the pack"))
            return .refuse
        }
        return .update
    }

    /// The user's own questions and rubrics as a pack (`builtIn`: the whole visible bank).
    public func export(name: String, builtIn: Bool) async throws -> QuestionPack {
        let questions = try await QuestionModel.query(on: db).group(.or) { g in
            g.filter(\.$ownerID == userID)
            if builtIn { g.filter(\.$builtIn == true) }
        }.all().map { try $0.question() }.sorted { $0.id < $1.id }
        let rubrics = try await RubricModel.query(on: db).group(.or) { g in
            g.filter(\.$ownerID == userID)
            if builtIn { g.filter(\.$builtIn == true) }
        }.all().map { try $0.rubric() }.sorted { $0.id < $1.id }
        return QuestionPack(name: name, rubrics: rubrics, questions: questions)
    }
}
