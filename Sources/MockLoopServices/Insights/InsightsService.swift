import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// The insights for one user: gathers the input from the store and builds the report, for the
/// page, the API and `mockloop report` alike.
public struct InsightsService {
    public struct Options: Sendable {
        /// nil: the type of the user's most recent session (coding when there is none).
        public var type: InterviewType?
        public var window: InsightsWindow
        /// Weeks start on Monday in this time zone.
        public var timeZone: TimeZone
        /// The target the difficulty mix and readiness are judged against; nil: the user's
        /// target, else the most recent session's, else Tier 1 Senior.
        public var tier: CompanyTier?
        public var level: Level?
        /// Scored sessions before weak spots are claimed.
        public var weakSpotThreshold: Int

        public init(
            type: InterviewType? = nil, window: InsightsWindow = .all, timeZone: TimeZone = .current,
            tier: CompanyTier? = nil, level: Level? = nil, weakSpotThreshold: Int = 10
        ) {
            self.type = type
            self.window = window
            self.timeZone = timeZone
            self.tier = tier
            self.level = level
            self.weakSpotThreshold = weakSpotThreshold
        }
    }

    public struct Result: Sendable {
        public var report: InsightsReport
        public var rubric: Rubric
        /// Ids and titles of the bank's questions of this type.
        public var bank: [(id: String, title: String)]
        /// For coding: how often the user's code compiled and passed (all their runs).
        public var codeRuns: CodeRunRepository.Summary?
        /// The user's target, when set: readiness is told against the date of the loop.
        public var target: Target? = nil
    }

    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    public func report(_ options: Options, now: Date = Date()) async throws -> Result {
        let insights = InsightsRepository(db: db, userID: userID)
        let latest = try await insights.latestTarget(type: options.type)
        // The user's target decides the mix; before one is set, the latest session's target.
        let target = try await TargetRepository(db: db, userID: userID).find()
        let type = options.type ?? latest?.type ?? target?.firstType() ?? .coding
        var settings = InsightsReport.Settings()
        settings.weakSpotThreshold = options.weakSpotThreshold
        let tier = options.tier ?? target?.tier ?? latest?.tier
        let level = options.level ?? target?.level ?? latest?.level
        settings.target = TargetMix.for(tier: tier, level: level)
        settings.level = level
        settings.tier = tier
        settings.seed = UInt64(max(0, now.timeIntervalSince1970 / 86_400))  // a new suggestion each day
        let input = try await insights.input(
            type: type, window: options.window, now: now, timeZone: options.timeZone,
            recentLimit: settings.recentLimit, readinessSessions: settings.readinessSessions)
        let rubrics = RubricRepository(db: db, userID: userID)
        var rubric = try await rubrics.builtIn(for: type)
        if let id = input.recent.last?.rubricId, let used = try await rubrics.byID()[id], used.type == type { rubric = used }
        let questions = QuestionRepository(db: db, userID: userID)
        let bank = try await questions.titles(type: type)
        let report = InsightsReport.build(
            input, rubric: rubric, questions: try await questions.all(type: type), seen: try await questions.seenIDs(),
            settings: settings)
        let runs = type == .coding ? try await CodeRunRepository(db: db, userID: userID).summary() : nil
        return Result(report: report, rubric: rubric, bank: bank, codeRuns: runs, target: target)
    }
}
