import Fluent
import Foundation
import MockLoopCore

/// The question bank as one user sees it: built-ins plus their own questions.
public struct QuestionRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    private func visible() -> QueryBuilder<QuestionModel> {
        QuestionModel.query(on: db).group(.or) { $0.filter(\.$builtIn == true).filter(\.$ownerID == userID) }
    }

    /// All visible questions; the bank is small (hundreds), so filtering happens in Core.
    public func all(type: InterviewType? = nil) async throws -> [Question] {
        var q = visible()
        if let type { q = q.filter(\.$type == type.rawValue) }
        return try await q.sort(\.$type).sort(\.$title).all().map { try $0.question() }
    }

    /// Ids and titles of the visible questions of a type, without decoding their bodies.
    public func titles(type: InterviewType) async throws -> [(id: String, title: String)] {
        try await visible().filter(\.$type == type.rawValue).field(\.$id).field(\.$title).all()
            .compactMap { m in m.id.map { (OwnedKey.visible($0), m.title) } }
    }

    public func find(_ id: String) async throws -> (question: Question, builtIn: Bool) {
        guard let m = try await visible().filter(\.$id ~~ OwnedKey.candidates(id, owner: userID)).sort(\.$builtIn, .descending).first()
        else { throw MockLoopError.notFound("question '\(id)'") }
        return (try m.question(), m.builtIn)
    }

    /// Ids of questions this user already did in a session.
    public func seenIDs() async throws -> Set<String> {
        let rows = try await SessionModel.query(on: db).filter(\.$userID == userID).filter(\.$questionID != nil)
            .field(\.$questionID).unique().all()
        return Set(rows.compactMap { $0.questionID })
    }

    /// Adds the user's own questions in one transaction: all or none. An id the user already
    /// sees (a built-in's or their own) gets a numeric suffix rather than overwriting it; other
    /// users' ids do not count (each user's are their own). The ids in use are read once, so a
    /// batch of clashing ids costs one query, not one per try.
    @discardableResult
    public func add(_ questions: [Question]) async throws -> [Question] {
        try await db.transaction { db in
            let mine = QuestionRepository(db: db, userID: userID).visible()
            var taken = Set(try await mine.field(\.$id).all().compactMap { $0.id.map(OwnedKey.visible) })
            var added: [Question] = []
            for var q in questions {
                let base = q.id
                var n = 2
                while taken.contains(q.id) {
                    q.id = "\(base)-\(n)"
                    n += 1
                }
                taken.insert(q.id)
                try await QuestionModel(q, ownerID: userID, builtIn: false).create(on: db)
                added.append(q)
            }
            return added
        }
    }
}

extension QuestionRepository {
    /// Which questions ship with MockLoop (the rest are users' own).
    public func builtInIDs() async throws -> Set<String> {
        Set(try await QuestionModel.query(on: db).filter(\.$builtIn == true).field(\.$id).all().compactMap(\.id))
    }
}
