import Fluent
import Foundation
import MockLoopCore
import MockLoopTestSupport
import Testing

@testable import MockLoopStore

/// The overview across interview types, read with one query: the same counts as the
/// in-memory bucketing, and only the user's own sessions.
@Suite struct OverviewStoreTests {
    @Test(arguments: TestDatabase.available)
    func overviewCountsOnlyTheUsersOwnCompletedSessions(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            let other = UUID()
            try await UserModel(id: other, name: "other", isOwner: false).create(on: db)
            let theirs = InsightsStoreTests.entries(count: 60)
            for e in theirs { try await SessionWriter(db: db, userID: other).insert(e, importKey: nil) }
            // Some of the same days and types for the owner, as sessions of their own.
            let mine = theirs.prefix(25).map { e -> LogEntry in
                var copy = e
                copy.id = UUID()
                return copy
            }
            for e in mine { try await SessionWriter(db: db, userID: owner).insert(e, importKey: nil) }

            let zone = TimeZone(identifier: "Europe/Berlin")!
            let now = InsightsStoreTests.now
            let fromSQL = try await InsightsRepository(db: db, userID: owner).overview(weeks: 12, now: now, timeZone: zone)
            let expected = TypeOverview.compute(Array(mine), now: now, timeZone: zone, weeks: 12)
            #expect(expected.total > 0 && expected.total < mine.count, "some sessions are planned, so not counted")
            #expect(fromSQL == expected)
            let everyone = TypeOverview.compute(theirs + mine, now: now, timeZone: zone, weeks: 12)
            #expect(everyone.total > fromSQL.total, "the other user's sessions fall in the same weeks")
        }
    }
}
