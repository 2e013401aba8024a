import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// What the home page reads: the target, the open fixes, this week's observed mocks, the next
/// focus and the recent sessions.
struct HomeSource {
    var target: Target?
    var fixes: [LogEntry]
    var recent: LogPage
    var rubrics: [String: Rubric]
    var observedThisWeek: Int
    var nextFocus: (dimension: String, questionID: String?, questionTitle: String?)?
    /// With accounts: a reset link an admin issued for this account, said on the home page.
    var notice: String?

    static func load(_ req: Request, now: Date = Date()) async throws -> HomeSource {
        let user = try req.actingUser()
        let sessions = SessionRepository(db: req.db, userID: user)
        var fixes: [LogEntry] = []
        for type in InterviewType.allCases {
            if let last = try await sessions.lastFix(type: type) { fixes.append(last) }
        }
        fixes.sort { $0.date > $1.date }
        let log = LogRepository(db: req.db, userID: user)
        let recent = try await log.page(LogQuery(limit: 5))
        let target = try await TargetRepository(db: req.db, userID: user).find()
        var source = HomeSource(
            target: target, fixes: fixes, recent: recent,
            rubrics: try await RubricRepository(db: req.db, userID: user).byID(), observedThisWeek: 0, nextFocus: nil)
        if req.signedIn != nil { source.notice = try await AccountSection.resetNotice(req.db, user) }
        guard recent.total > 0 else { return source }
        let weekStart = Cadence.since(now: now, timeZone: .current, weeks: 1)
        let thisWeek = try await log.page(LogQuery(from: weekStart, limit: 500))
        source.observedThisWeek = Cadence.compute(thisWeek.entries, now: now, timeZone: .current, weeks: 1).weeks.last?.observed ?? 0
        let result = try await InsightsService(db: req.db, userID: user).report(InsightsService.Options(), now: now)
        if let focus = result.report.nextFocus {
            source.nextFocus = (
                result.rubric.dimension(focus.dimension)?.name ?? focus.dimension, focus.questionID,
                result.bank.first { $0.id == focus.questionID }?.title
            )
        }
        return source
    }

    func page(target form: TargetForm? = nil) -> HomePage {
        var page = HomePage(self, targetForm: form ?? (target == nil ? TargetForm(.assumed, back: "/") : nil))
        page.notice = notice
        return page
    }
}
