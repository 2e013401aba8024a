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
    /// Mocks booked with a partner this week, not yet in the log as finished.
    var bookedThisWeek = 0
    /// The best times to book now, with the partners suggested first.
    var bestSlots: [BestSlot] = []
    var hasPartnerProfile = false
    /// The next booked mocks, as candidate or interviewer: the reminder on the home page.
    var comingUp: [BookingView] = []
    var nextFocus: (dimension: String, questionID: String?, questionTitle: String?)?
    /// With accounts: a reset link an admin issued for this account, said on the home page.
    var notice: String?

    struct BestSlot: Encodable {
        var handle, when, url: String
    }

    static func load(_ req: Request, cards: PartnerCards = PartnerCards(), now: Date = Date()) async throws -> HomeSource {
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
        try await NoShowCheck(db: req.db).run(now: now)
        source.comingUp = try await comingUp(req, user: user, now: now)
        guard recent.total > 0 else { return source }
        let weekStart = Cadence.since(now: now, timeZone: .current, weeks: 1)
        let thisWeek = try await log.page(LogQuery(from: weekStart, limit: 500))
        source.observedThisWeek = Cadence.compute(thisWeek.entries, now: now, timeZone: .current, weeks: 1).weeks.last?.observed ?? 0
        source.bookedThisWeek = try await BookingRepository(db: req.db, userID: user).bookedAsCandidate(
            from: weekStart, to: weekStart.addingTimeInterval(7 * 86400 + 3600))
        try await source.findSlots(req, user: user, cards: cards, now: now)
        let result = try await InsightsService(db: req.db, userID: user).report(InsightsService.Options(), now: now)
        if let focus = result.report.nextFocus {
            source.nextFocus = (
                result.rubric.dimension(focus.dimension)?.name ?? focus.dimension, focus.questionID,
                result.bank.first { $0.id == focus.questionID }?.title
            )
        }
        return source
    }

    /// The next three booked mocks not over yet, each in both zones with its room.
    static func comingUp(_ req: Request, user: UUID, now: Date) async throws -> [BookingView] {
        let next = try await BookingRepository(db: req.db, userID: user).all(since: now.addingTimeInterval(-3 * 3600), now: now)
            .filter { $0.status == BookingModel.Status.booked.rawValue && $0.endAt > now }.prefix(3)
        var views = SchedulingViews(req: req, userID: user)
        try await views.load(next.flatMap { [$0.candidateID, $0.interviewerID] })
        return try next.map { try views.booking($0, now: now) }
    }

    /// With a partner profile and fewer than two mocks booked: the first time free with each of
    /// the three partners suggested first.
    mutating func findSlots(_ req: Request, user: UUID, cards: PartnerCards, now: Date) async throws {
        let partners = PartnerRepository(db: req.db, userID: user)
        guard let me = try await partners.profile() else { return }
        hasPartnerProfile = true
        guard observedThisWeek + bookedThisWeek < 2 else { return }
        let requests = MockRequestRepository(db: req.db, userID: user)
        for s in try await PartnerDirectory(db: req.db, userID: user, cards: cards).suggestions(now: now, limit: 3) {
            guard let them = try? await partners.other(handle: s.handle), let type = me.wants.first(where: them.offers.contains) else {
                continue
            }
            let finder = try await requests.finder(with: them, now: now)
            guard
                let start = finder.starts(
                    minutes: PhasePlan.defaultMinutes(type), notBefore: now.addingTimeInterval(MockRequestInput.leadTime), limit: 1
                ).first
            else { continue }
            bestSlots.append(
                BestSlot(
                    handle: them.handle, when: ZonedTime.both(start, mine: me.timeZone, theirs: them.timeZone),
                    url: "/partners/\(them.handle)/request?type=\(type.rawValue)"))
        }
    }

    func page(target form: TargetForm? = nil) -> HomePage {
        var page = HomePage(self, targetForm: form ?? (target == nil ? TargetForm(.assumed, back: "/") : nil))
        page.notice = notice
        return page
    }
}
