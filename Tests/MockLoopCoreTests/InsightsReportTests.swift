import Foundation
import Testing

@testable import MockLoopCore

/// The whole report from plain entries: windows, the aggregate, and each section's edge cases.
@Suite struct InsightsReportTests {
    typealias T = InsightsTests
    static let now = Date(timeIntervalSince1970: 1_790_000_000 + 40 * 86400)
    static let utc = TimeZone(identifier: "UTC")!

    static func report(_ entries: [LogEntry], window: InsightsWindow = .all, threshold: Int = 10) -> InsightsReport {
        var settings = InsightsReport.Settings()
        settings.weakSpotThreshold = threshold
        let input = InsightsReport.Input.from(entries, type: .coding, window: window, now: now, timeZone: utc)
        return InsightsReport.build(input, rubric: T.rubric, questions: [], seen: [], settings: settings)
    }

    @Test func aggregateCountsWhatTheSectionsNeed() {
        var a = T.entry(["a": 1, "b": 3], day: 1, mode: .peer)
        a.scores.selfScores = ["a": 3]
        a.difficulty = .hard
        a.isRepeat = true
        var b = T.entry(["a": 3], day: 2, mode: .ai)
        b.scores.wentEasy = true
        b.difficulty = .easy
        let agg = WindowAggregate.from([a, b])
        #expect(agg.sessions == 2 && agg.scoredSessions == 2 && agg.aiSessions == 1)
        #expect(agg.withDifficulty == 2 && agg.mediumHard == 1 && agg.repeats == 1 && agg.wentEasy == 1)
        #expect(agg.qualifying == 1, "the AI session does not qualify for readiness")
        let t = agg.tallies["a"]!
        #expect(t.count == 2 && t.sum == 4 && t.ones == 1)
        #expect(t.aiCount == 1 && t.aiSum == 3 && t.humanCount == 1 && t.humanSum == 1)
        #expect(t.selfPairs == 1 && t.selfGapSum == 2)
        #expect(agg.tallies["c"] == nil, "a dimension never scored has no tally")
    }

    @Test func windowsChooseTheSessions() {
        let entries = (0..<30).map { T.entry(["a": $0 < 20 ? 1 : 3], day: Double($0)) }
        #expect(Self.report(entries).sessions == 30)
        let last10 = Self.report(entries, window: .sessions(10))
        #expect(last10.sessions == 10 && last10.dimensions[0].mean == 3)
        // Now is 40.6 days after day 0's session; 15 whole UTC days, today included, reach back
        // to the start of the day 14 days before today: the sessions of days 26…29.
        let days = Self.report(entries, window: .days(15))
        #expect(days.sessions == 4)
        #expect(InsightsWindow("30d") == .days(30) && InsightsWindow("10") == .sessions(10) && InsightsWindow("all") == .all)
        #expect(InsightsWindow("soon") == nil && InsightsWindow("0") == nil && InsightsWindow("-3d") == nil)
    }

    @Test func aSingleSessionGivesFiguresButNoPatterns() {
        let r = Self.report([T.entry(["a": 2], day: 1)])
        #expect(r.sessions == 1 && r.dimensions[0].mean == 2 && r.dimensions[0].direction == nil)
        #expect(r.weakSpots.sessionsNeeded == 9 && r.weakSpots.spots.isEmpty)
        #expect(r.dimensions[2].sessions == 0 && r.dimensions[2].mean == nil, "never scored")
        #expect(r.selfGap.allSatisfy { $0.pairs == 0 && $0.meanGap == nil }, "no self-scores, no gap")
        #expect(r.nextFocus?.dimension == "a")
        #expect(!r.readiness.ready && r.readiness.missing?.hasPrefix("2 more") == true)
    }

    @Test func anAIOnlyUserIsNeverReady() {
        let entries = (0..<12).map { T.entry(["a": 3, "b": 3], day: Double($0), mode: .ai) }
        let r = Self.report(entries)
        #expect(!r.readiness.ready)
        #expect(r.readiness.missing?.contains("AI sessions do not count") == true)
        #expect(r.aiGap.allSatisfy { $0.meanGap == nil })
        #expect(r.calibratedAIThree["a"] == 2.5, "without human sessions the conservative default applies")
        #expect(r.cadence.weeks.allSatisfy { $0.observed == 0 })
    }

    @Test func confidenceAgainstOutcomeAndRealInterviews() {
        var sure = T.entry(["a": 1], day: 1)
        sure.scores.confidence = 5
        var unsure = T.entry(["a": 3], day: 2)
        unsure.scores.confidence = 2
        var real = T.entry(["a": 2], day: 3, mode: .real)
        real.company = "Acme"
        real.notes = "They asked for a design round first"
        let r = Self.report([sure, unsure, real])
        #expect(r.confidence == [.init(confidence: 2, sessions: 1, meanScore: 3), .init(confidence: 5, sessions: 1, meanScore: 1)])
        #expect(r.realInterviews.map(\.surprise) == ["They asked for a design round first"])
        #expect(r.timeline.count == 3 && r.timeline.last?.mode == .real)
    }

    @Test func weakSpotEvidenceIsTheMostRecentLowSessions() {
        let entries = (0..<12).map { T.entry(["a": 1, "b": 3], day: Double($0)) }
        let r = Self.report(entries)
        #expect(r.weakSpots.spots.map(\.dimension) == ["a"])
        #expect(r.weakSpots.spots[0].lowSessions == entries.suffix(5).map(\.id))
    }
}
