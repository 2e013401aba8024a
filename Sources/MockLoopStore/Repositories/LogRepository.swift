import Fluent
import Foundation
import MockLoopCore
import SQLKit

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
        let reader = EntryAssembler(db: db)
        let countRow = try await filtered(
            reader.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
                .where("user_id", .equal, SQLBind(userID)), query
        ).first()
        let total = try countRow?.decode(column: "n", as: Int.self) ?? 0
        let direction: SQLDirection = query.descending ? .descending : .ascending
        var select = filtered(reader.sessionsQuery(userID: userID), query)
        switch query.sort {
        case .date: select = select.orderBy("started_at", direction)
        case .type: select = select.orderBy("type", direction).orderBy("started_at", .descending)
        case .mode: select = select.orderBy("mode", direction).orderBy("started_at", .descending)
        case .interviewer: select = select.orderBy("interviewer", direction).orderBy("started_at", .descending)
        case .question: select = select.orderBy("question_title", direction).orderBy("started_at", .descending)
        }
        let entries = try await reader.entries(select.orderBy("id", direction).limit(query.limit).offset(query.offset))
        return LogPage(entries: entries, total: total, limit: query.limit, offset: query.offset)
    }

    /// The log's filters, applied the same way to the count and to the page.
    private func filtered(_ select: SQLSelectBuilder, _ query: LogQuery) -> SQLSelectBuilder {
        var s = select
        if let type = query.type { s = s.where("type", .equal, SQLBind(type.rawValue)) }
        if let mode = query.mode { s = s.where("mode", .equal, SQLBind(mode.rawValue)) }
        if let status = query.status { s = s.where("status", .equal, SQLBind(status.rawValue)) }
        if let from = query.from { s = s.where("started_at", .greaterThanOrEqual, SQLBind(from)) }
        if let to = query.to { s = s.where("started_at", .lessThanOrEqual, SQLBind(to)) }
        if let text = query.text {
            // '!' escapes LIKE's wildcards so a search for "100%" means the text "100%".
            let escaped = text.replacingOccurrences(of: "!", with: "!!").replacingOccurrences(of: "%", with: "!%").replacingOccurrences(
                of: "_", with: "!_")
            s = s.where(SQLQueryString("search_text LIKE \(bind: "%" + escaped + "%") ESCAPE '!'"))
        }
        return s
    }

    /// Every entry, oldest first.
    public func all() async throws -> [LogEntry] {
        try await EntryAssembler(db: db).allEntries(userID: userID)
    }

    /// Every entry the query's filters match (not just one page), oldest first: what an export
    /// of the filtered log writes.
    public func all(matching query: LogQuery) async throws -> [LogEntry] {
        guard query.isFiltered else { return try await all() }
        var q = query
        q.limit = 1
        q.offset = 0
        try q.validate()
        let reader = EntryAssembler(db: db)
        return try await reader.entries(
            filtered(reader.sessionsQuery(userID: userID), query).orderBy("started_at", .ascending).orderBy("id", .ascending))
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
            let rollup = InsightRollup(db: db, userID: userID)
            for (type, entries) in Dictionary(grouping: rows.map(\.entry), by: \.type) {
                try await rollup.refresh(type: type, days: Set(entries.map { InsightRollup.day($0.date) }))
            }
        }
        return ImportResult(
            imported: toWrite.count, duplicates: duplicates, problems: parsed.problems,
            ignoredColumns: parsed.ignoredColumns)
    }
}
