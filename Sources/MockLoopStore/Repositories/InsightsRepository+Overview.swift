import Fluent
import Foundation
import MockLoopCore
import SQLKit

extension InsightsRepository {
    private struct OverviewRow: Decodable {
        var type: String
        var startedAt: Date
        enum CodingKeys: String, CodingKey {
            case type
            case startedAt = "started_at"
        }
    }

    /// Completed sessions of every interview type per week over the last `weeks` weeks, in one
    /// query: the (type, started_at) of the user's completed sessions in those weeks (a few a
    /// day at most, read through the (user, started_at) index). They are put into weeks here,
    /// not in SQL: SQLite and PostgreSQL truncate dates to weeks differently, and neither
    /// knows the user's time zone rules.
    public func overview(weeks: Int = TypeOverview.defaultWeeks, now: Date, timeZone: TimeZone) async throws -> TypeOverview {
        let window = TypeOverview.window(now: now, timeZone: timeZone, weeks: weeks)
        let rows = try await (db as! SQLDatabase).select().columns("type", "started_at").from("sessions")
            .where("user_id", .equal, SQLBind(userID))
            .where("status", .equal, SQLBind(SessionStatus.completed.rawValue))
            .where("started_at", .greaterThanOrEqual, SQLBind(window.start))
            .where("started_at", .lessThan, SQLBind(window.end))
            .all(decoding: OverviewRow.self)
        let stamps = rows.compactMap { row in InterviewType(rawValue: row.type).map { TypeOverview.Stamp(type: $0, date: row.startedAt) } }
        return TypeOverview.compute(stamps: stamps, now: now, timeZone: timeZone, weeks: weeks)
    }
}
