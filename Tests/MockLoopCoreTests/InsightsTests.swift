import Foundation
import Testing

@testable import MockLoopCore

@Suite struct InsightsTests {
    static let rubric = Rubric(
        id: "r", name: "R", type: .coding, description: "",
        dimensions: [
            Dimension(key: "a", name: "A", question: "?", score1: "1", score2: "2", score3: "3"),
            Dimension(key: "b", name: "B", question: "?", score1: "1", score2: "2", score3: "3"),
            Dimension(key: "c", name: "C", question: "?", score1: "1", score2: "2", score3: "3"),
        ])

    static func entry(_ scores: [String: Int], day: Double = 0, mode: SessionMode = .peer) -> LogEntry {
        LogEntry(
            id: UUID(), date: Date(timeIntervalSince1970: 1_790_000_000 + day * 86400), type: .coding, mode: mode, status: .completed,
            rubricId: "r", scores: ScoreSheet(interviewerScores: scores.mapValues { DimensionScore(score: $0) }))
    }

    @Test func trendsReadTheDirectionAndSkipUnscoredDimensions() {
        let entries = (0..<6).map { Self.entry(["a": 1 + $0 / 2, "b": 3 - $0 / 3], day: Double($0)) }
        let trends = DimensionTrend.compute(entries, rubric: Self.rubric)
        #expect(trends[0].direction == .improving && trends[0].sessions == 6)
        #expect(trends[1].direction == .slipping)
        #expect(trends[2] == DimensionTrend(dimension: "c", sessions: 0, mean: nil, slope: nil, direction: nil), "never scored")
        let single = DimensionTrend.compute([Self.entry(["a": 2])], rubric: Self.rubric)
        #expect(single[0].mean == 2 && single[0].slope == nil && single[0].direction == nil)
        let steady = DimensionTrend.compute((0..<5).map { Self.entry(["a": 2], day: Double($0)) }, rubric: Self.rubric)
        #expect(steady[0].direction == .flat)
    }

    @Test func weakSpotsWaitForEnoughEvidence() {
        let nine = (0..<9).map { _ in Self.entry(["a": 1, "b": 3]) }
        let early = WeakSpots.find(nine, rubric: Self.rubric)
        #expect(early.spots.isEmpty && early.sessionsNeeded == 1)
        let unscored = nine + [LogEntry(id: UUID(), date: Date(), type: .coding, mode: .peer, status: .planned, rubricId: "r")]
        #expect(WeakSpots.find(unscored, rubric: Self.rubric).sessionsNeeded == 1, "unscored sessions are not evidence")
        let ten = nine + [Self.entry(["a": 2, "b": 3])]
        let found = WeakSpots.find(ten, rubric: Self.rubric)
        #expect(found.sessionsNeeded == 0 && found.spots.map(\.dimension) == ["a"])
        #expect(found.spots[0].lowSessions.count == 9)
    }

    @Test func tiedWeakSpotsKeepRubricOrder() {
        let entries = (0..<10).map { _ in Self.entry(["a": 2, "b": 3, "c": 2]) }
        #expect(WeakSpots.find(entries, rubric: Self.rubric).spots.map(\.dimension) == ["a", "c"])
    }

    @Test func cadenceWeeksStartMondayInTheUsersTimeZone() throws {
        // Monday 2026-11-16 00:30 in Berlin is still Sunday 23:30 UTC: it belongs to Berlin's new week.
        let berlin = TimeZone(identifier: "Europe/Berlin")!
        let mondayEarly = Date(timeIntervalSince1970: 1_794_785_400)  // 2026-11-15T23:30:00Z
        let sessions = [mondayEarly, mondayEarly.addingTimeInterval(3600)].map {
            LogEntry(id: UUID(), date: $0, type: .coding, mode: .peer, status: .completed, rubricId: "r")
        }
        let now = mondayEarly.addingTimeInterval(2 * 86400)
        let inBerlin = Cadence.compute(sessions, now: now, timeZone: berlin, weeks: 2)
        #expect(inBerlin.weeks.map(\.observed) == [0, 2] && inBerlin.streak == 1)
        let inUTC = Cadence.compute(sessions, now: now, timeZone: TimeZone(identifier: "UTC")!, weeks: 2)
        #expect(inUTC.weeks.map(\.observed) == [1, 1] && inUTC.streak == 0)
    }

    @Test func aiAndSoloSessionsAreNotObservedAndAnUnfinishedWeekDoesNotBreakTheStreak() {
        let now = Date(timeIntervalSince1970: 1_794_900_000)
        let utc = TimeZone(identifier: "UTC")!
        let lastWeek = now.addingTimeInterval(-7 * 86400)
        var entries = [SessionMode.peer, .paidPro, .ai, .solo].map {
            LogEntry(id: UUID(), date: lastWeek, type: .coding, mode: $0, status: .completed, rubricId: "r")
        }
        entries.append(LogEntry(id: UUID(), date: now, type: .coding, mode: .ai, status: .completed, rubricId: "r"))
        let c = Cadence.compute(entries, now: now, timeZone: utc, weeks: 3)
        #expect(c.weeks.map(\.observed) == [0, 2, 0])
        #expect(c.streak == 1)
    }
}

@Suite struct CalibrationAndReadinessTests {
    static let rubric = InsightsTests.rubric

    static func entry(
        _ scores: [String: Int], self selfScores: [String: Int] = [:], mode: SessionMode = .peer,
        difficulty: Difficulty? = .medium, retro: Retrospective? = nil, day: Double = 0
    ) -> LogEntry {
        LogEntry(
            id: UUID(), date: Date(timeIntervalSince1970: 1_790_000_000 + day * 86400), type: .coding, mode: mode, status: .completed,
            rubricId: "r", difficulty: difficulty,
            scores: ScoreSheet(interviewerScores: scores.mapValues { DimensionScore(score: $0) }, selfScores: selfScores), retro: retro)
    }

    @Test func selfGapSkipsSessionsWithoutSelfScores() {
        let gaps = CalibrationGap.selfVsInterviewer(
            [Self.entry(["a": 1], self: ["a": 3]), Self.entry(["a": 2]), Self.entry(["a": 2], self: ["a": 2])],
            rubric: Self.rubric)
        #expect(gaps[0] == CalibrationGap(dimension: "a", pairs: 2, meanGap: 1))
        #expect(gaps[1].meanGap == nil && gaps[1].pairs == 0)
    }

    @Test func aiOverScoringIsMeasuredAndTakenOffOnlyWithEnoughPairs() {
        let entries = (0..<3).map { _ in Self.entry(["a": 3], mode: .ai) } + (0..<3).map { _ in Self.entry(["a": 2]) }
        let gap = CalibrationGap.aiVsHuman(entries, rubric: Self.rubric)[0]
        #expect(gap.meanGap == 1 && gap.pairs == 3)
        #expect(CalibrationGap.calibrated(aiScore: 3, gap: gap) == 2)
        let thin = CalibrationGap(dimension: "a", pairs: 1, meanGap: 1)
        #expect(CalibrationGap.calibrated(aiScore: 3, gap: thin) == 2.5, "conservative default until there is evidence")
        #expect(CalibrationGap.aiVsHuman((0..<3).map { _ in Self.entry(["a": 3], mode: .ai) }, rubric: Self.rubric)[0].meanGap == nil)
    }

    @Test func difficultyHonestyAgainstTheTarget() {
        let entries = [Difficulty.easy, .easy, .medium, .hard].map { Self.entry(["a": 2], difficulty: $0) }
        let h = DifficultyHonesty.compute(entries, target: TargetMix.for(tier: .tier1, level: .senior))
        #expect(h.mediumHardShare == 0.5 && h.tooEasy)
    }

    @Test func didTheFixWork() {
        let retro = Retrospective(
            wentWell: "", wentWrong: "", priorityFix: PriorityFix(dimension: "a", text: "ask first"), drill: Drill(text: "d", done: true))
        let entries = [
            Self.entry(["a": 1], day: 0), Self.entry(["a": 1], retro: retro, day: 1), Self.entry(["b": 2], day: 2),
            Self.entry(["a": 3], day: 3),
        ]
        let effects = FixEffect.compute(entries)
        #expect(effects.count == 1)
        #expect(effects[0].before == 1 && effects[0].after == 3 && effects[0].verdict == .moved && effects[0].drillDone)
        #expect(FixEffect.compute(Array(entries.prefix(2)))[0].verdict == .tooEarly)
    }

    @Test func aiOnlyEvidenceNeverMakesAUserReady() {
        let ai = (0..<5).map { _ in Self.entry(["a": 3, "b": 3], mode: .ai) }
        let r = Readiness.assess(ai, type: .coding, level: .staff)
        #expect(!r.ready && r.missing?.hasPrefix("3 more observed coding mocks (completed, human-scored, not easy)") == true)
        #expect(r.missing?.contains("AI sessions do not count") == true)
        let human = ai + (0..<3).map { _ in Self.entry(["a": 3, "b": 2]) }
        #expect(Readiness.assess(human, type: .coding, level: nil).ready)
        let easy = (0..<3).map { _ in Self.entry(["a": 3], difficulty: .easy) }
        #expect(!Readiness.assess(easy, type: .coding, level: nil).ready, "easy questions are not target difficulty")
        let low = (0..<3).map { _ in Self.entry(["a": 2]) }
        #expect(Readiness.assess(low, type: .coding, level: nil).missing?.contains("average 2.0") == true)
    }
}

@Suite struct NextFocusTests {
    @Test func weakestDimensionWithAnUnseenQuestion() {
        let trends = [
            DimensionTrend(dimension: "a", sessions: 4, mean: 2.5, slope: nil, direction: nil),
            DimensionTrend(dimension: "b", sessions: 2, mean: 1.5, slope: nil, direction: nil),
            DimensionTrend(dimension: "c", sessions: 6, mean: 1.5, slope: nil, direction: nil),
        ]
        let bank = ["q2", "q1"].map { id in
            Question(
                id: id, type: InsightsTests.rubric.type, title: id, prompt: "p", difficulty: .medium, topics: ["t"], levels: [.senior],
                tiers: [.tier1], followUps: [], hints: [], keyPoints: [])
        }
        let focus = NextFocus.choose(trends: trends, rubric: InsightsTests.rubric, questions: bank, seen: ["q1"], seed: 1)
        #expect(focus?.dimension == "c", "a tie goes to the dimension with more evidence")
        #expect(focus?.questionID == "q2")
        #expect(
            NextFocus.choose(trends: trends, rubric: InsightsTests.rubric, questions: bank, seen: ["q1", "q2"], seed: 1)?.questionID
                == nil)
        let none = trends.map { DimensionTrend(dimension: $0.dimension, sessions: 0, mean: nil, slope: nil, direction: nil) }
        #expect(NextFocus.choose(trends: none, rubric: InsightsTests.rubric, questions: bank, seen: [], seed: 1) == nil)
    }

    @Test func theNextQuestionFitsTheTargetAndIsNew() throws {
        let library = try ContentLibrary.builtIn()
        let rubric = library.rubrics.first { $0.type == .coding }!
        let trends = [DimensionTrend(dimension: rubric.dimensions[0].key, sessions: 3, mean: 1.2, slope: nil, direction: nil)]
        for seed in 1...20 {
            let f = NextFocus.choose(
                trends: trends, rubric: rubric, questions: library.questions, seen: ["fastest-floor-route"], level: .staff, tier: .tier1,
                seed: UInt64(seed))
            let q = library.questions.first { $0.id == f?.questionID }
            #expect(q?.type == .coding && q?.levels.contains(.staff) == true && q?.tiers.contains(.tier1) == true, "\(q?.id ?? "none")")
            #expect(q?.difficulty != .easy && q?.id != "fastest-floor-route")
        }
    }
}
