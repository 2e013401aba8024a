import Fluent
import Foundation
import MockLoopCore

/// The running log: filtered pages, full export, and idempotent import.
public struct LogRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    public func page(_ query: LogQuery) async throws -> LogPage {
        try query.validate()
        var q = SessionModel.query(on: db).filter(\.$userID == userID)
        if let type = query.type { q = q.filter(\.$type == type.rawValue) }
        if let mode = query.mode { q = q.filter(\.$mode == mode.rawValue) }
        if let from = query.from { q = q.filter(\.$startedAt >= from) }
        if let to = query.to { q = q.filter(\.$startedAt <= to) }
        if let text = query.text { q = q.filter(\.$searchText ~~ text) }
        let total = try await q.count()
        let direction: DatabaseQuery.Sort.Direction = query.descending ? .descending : .ascending
        switch query.sort {
        case .date: q = q.sort(\.$startedAt, direction)
        case .type: q = q.sort(\.$type, direction).sort(\.$startedAt, .descending)
        case .mode: q = q.sort(\.$mode, direction).sort(\.$startedAt, .descending)
        case .interviewer: q = q.sort(\.$interviewer, direction).sort(\.$startedAt, .descending)
        case .question: q = q.sort(\.$questionTitle, direction).sort(\.$startedAt, .descending)
        }
        let sessions = try await q.sort(\.$id).range(query.offset..<(query.offset + query.limit)).all()
        return LogPage(entries: try await EntryAssembler(db: db).entries(sessions), total: total,
                       limit: query.limit, offset: query.offset)
    }

    /// Every entry, oldest first.
    public func all() async throws -> [LogEntry] {
        try await EntryAssembler(db: db).allEntries(userID: userID)
    }

    public struct ImportResult: Codable, Sendable {
        public var imported: Int
        public var duplicates: Int
        public var problems: [LogImport.RowProblem]
        public var ignoredColumns: [String]
    }

    /// Imports the good rows in one transaction; rows already imported (same key) are skipped,
    /// so running the same file twice adds nothing.
    public func importCSV(_ text: String) async throws -> ImportResult {
        let rubrics = RubricRepository(db: db, userID: userID)
        let parsed = try LogImport.parse(text, rubrics: try await rubrics.byID(), defaults: try await rubrics.defaults())
        var existing = Set(try await SessionModel.query(on: db).filter(\.$userID == userID).field(\.$importKey).all().map(\.importKey))
        var fresh: [LogImport.Row] = []
        var duplicates = 0
        for row in parsed.rows {
            if existing.insert(row.importKey).inserted { fresh.append(row) } else { duplicates += 1 }
        }
        // A row keeps its exported id unless that id is taken (then the import key still remembers
        // it), so exporting and importing again stays idempotent across instances.
        let sourceIDs = fresh.filter { $0.importKey.hasPrefix("id:") }.map(\.entry.id)
        var taken = Set<UUID>()
        for start in stride(from: 0, to: sourceIDs.count, by: 500) {
            let chunk = Array(sourceIDs[start..<min(start + 500, sourceIDs.count)])
            taken.formUnion(try await SessionModel.query(on: db).filter(\.$id ~~ chunk).field(\.$id).all().compactMap(\.id))
        }
        var toWrite: [(entry: LogEntry, key: String)] = []
        for row in fresh {
            var entry = row.entry
            if !row.importKey.hasPrefix("id:") || taken.contains(entry.id) { entry.id = UUID() }
            taken.insert(entry.id)
            toWrite.append((entry, row.importKey))
        }
        let rows = toWrite
        try await db.transaction { db in
            let writer = SessionWriter(db: db, userID: userID)
            for row in rows { try await writer.insert(row.entry, importKey: row.key) }
        }
        return ImportResult(imported: toWrite.count, duplicates: duplicates, problems: parsed.problems,
                            ignoredColumns: parsed.ignoredColumns)
    }
}
