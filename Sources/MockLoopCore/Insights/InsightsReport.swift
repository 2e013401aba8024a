import Foundation

/// What ten sessions reveal, for one interview type and window: scores and trends per
/// dimension, consistent weak spots (with their evidence), calibration gaps, difficulty
/// honesty, cadence, whether past fixes worked, the next focus, readiness, and real interviews.
public struct InsightsReport: Codable, Sendable, Equatable {
    /// Everything the report is computed from: plain values the store gathers cheaply (the
    /// window's aggregate, the most recent sessions, the cadence stamps).
    public struct Input: Sendable {
        public var type: InterviewType
        public var window: InsightsWindow
        public var aggregate: WindowAggregate
        /// The most recent sessions of the window, oldest first (trends, fixes, evidence, charts).
        public var recent: [LogEntry]
        /// Averages of the most recent qualifying sessions, oldest first (readiness).
        public var lastQualifying: [Double]
        /// Sessions of any type since the start of the oldest cadence week.
        public var stamps: [Cadence.Stamp]
        public var now: Date
        public var timeZone: TimeZone

        public init(
            type: InterviewType, window: InsightsWindow, aggregate: WindowAggregate, recent: [LogEntry],
            lastQualifying: [Double], stamps: [Cadence.Stamp], now: Date, timeZone: TimeZone
        ) {
            self.type = type
            self.window = window
            self.aggregate = aggregate
            self.recent = recent
            self.lastQualifying = lastQualifying
            self.stamps = stamps
            self.now = now
            self.timeZone = timeZone
        }

        /// From plain entries (any types, any order): what the store computes in SQL, done in memory.
        public static func from(
            _ entries: [LogEntry], type: InterviewType, window: InsightsWindow, now: Date,
            timeZone: TimeZone, recentLimit: Int = Settings().recentLimit, weeks: Int = 8
        ) -> Input {
            let sorted = entries.sorted { $0.date < $1.date }
            var ofType = sorted.filter { $0.type == type }
            switch window {
            case .all: break
            case .days: ofType = ofType.filter { $0.date >= window.since(now: now)! }
            case .sessions(let n): ofType = Array(ofType.suffix(n))
            }
            let since = Cadence.since(now: now, timeZone: timeZone, weeks: weeks)
            return Input(
                type: type, window: window, aggregate: .from(ofType), recent: Array(ofType.suffix(recentLimit)),
                lastQualifying: ofType.filter(WindowAggregate.qualifies).suffix(3).compactMap(\.averageScore),
                stamps: sorted.filter { $0.date >= since }.map { Cadence.Stamp(date: $0.date, mode: $0.mode, status: $0.status) },
                now: now, timeZone: timeZone)
        }
    }

    public struct Settings: Sendable {
        /// Scored sessions of a type before weak spots are claimed.
        public var weakSpotThreshold = 10
        public var target = TargetMix.for(tier: .tier1, level: .senior)
        public var level: Level? = nil
        public var tier: CompanyTier? = nil
        public var weeklyTarget = 2
        public var readinessSessions = 3
        public var readinessBar = 2.5
        /// How many of the most recent sessions feed trends, fix effects and charts.
        public var recentLimit = 200
        public var seed: UInt64 = 1

        public init() {}
    }

    public struct RealInterview: Codable, Sendable, Equatable {
        public var sessionID: UUID
        public var date: Date
        public var company: String?
        public var average: Double?
        public var surprise: String?
    }

    /// How sessions at one self-rated confidence (1–5) actually scored.
    public struct ConfidenceOutcome: Codable, Sendable, Equatable {
        public var confidence: Int
        public var sessions: Int
        public var meanScore: Double
    }

    /// One session's interviewer scores, for the score-over-time chart.
    public struct Point: Codable, Sendable, Equatable {
        public var date: Date
        public var mode: SessionMode
        public var scores: [String: Int]
    }

    public var type: InterviewType
    public var window: InsightsWindow
    /// The time zone weeks were counted in (an IANA name).
    public var timeZone: String
    public var sessions: Int
    public var scoredSessions: Int
    public var aiSessions: Int
    public var dimensions: [DimensionTrend]
    public var weakSpots: WeakSpots
    public var selfGap: [CalibrationGap]
    /// Over the most recent sessions: does feeling sure go with scoring well?
    public var confidence: [ConfidenceOutcome]
    public var aiGap: [CalibrationGap]
    /// What an AI score of 3 becomes after calibration, per dimension (the AI interviewer shows it).
    public var calibratedAIThree: [String: Double]
    public var difficulty: DifficultyHonesty
    public var cadence: Cadence
    public var fixes: [FixEffect]
    public var nextFocus: NextFocus?
    public var readiness: Readiness
    public var realInterviews: [RealInterview]
    public var timeline: [Point]

    /// `questions`: the bank's questions of this type, for the next focus.
    public static func build(
        _ input: Input, rubric: Rubric, questions: [Question], seen: Set<String>, settings: Settings = Settings()
    ) -> InsightsReport {
        let a = input.aggregate
        let trends = DimensionTrend.compute(aggregate: a, recent: input.recent, rubric: rubric)
        let aiGap = CalibrationGap.aiVsHuman(a, rubric: rubric)
        var calibrated: [String: Double] = [:]
        for gap in aiGap { calibrated[gap.dimension] = CalibrationGap.calibrated(aiScore: 3, gap: gap) }
        let real = input.recent.filter { $0.mode == .real }.suffix(10).map { e in
            RealInterview(
                sessionID: e.id, date: e.date, company: e.company, average: e.averageScore,
                surprise: e.notes.flatMap { $0.isEmpty ? nil : $0 } ?? e.retro?.wentWrong)
        }
        return InsightsReport(
            type: input.type, window: input.window, timeZone: input.timeZone.identifier, sessions: a.sessions,
            scoredSessions: a.scoredSessions, aiSessions: a.aiSessions,
            dimensions: trends,
            weakSpots: WeakSpots.find(aggregate: a, recent: input.recent, rubric: rubric, threshold: settings.weakSpotThreshold),
            selfGap: CalibrationGap.selfVsInterviewer(a, rubric: rubric),
            confidence: Self.confidenceOutcomes(input.recent),
            aiGap: aiGap, calibratedAIThree: calibrated,
            difficulty: DifficultyHonesty.compute(a, target: settings.target),
            cadence: Cadence.compute(stamps: input.stamps, now: input.now, timeZone: input.timeZone, target: settings.weeklyTarget),
            fixes: Array(FixEffect.compute(input.recent).suffix(10)),
            nextFocus: NextFocus.choose(
                trends: trends, rubric: rubric, questions: questions, seen: seen, level: settings.level, tier: settings.tier,
                seed: settings.seed),
            readiness: Readiness.assess(
                type: input.type, level: settings.level, qualifying: a.qualifying,
                lastAverages: input.lastQualifying, hasAI: a.aiSessions > 0,
                sessions: settings.readinessSessions, bar: settings.readinessBar),
            realInterviews: Array(real),
            timeline: input.recent.suffix(30).filter { !$0.scores.interviewerScores.isEmpty }.map {
                Point(date: $0.date, mode: $0.mode, scores: $0.scores.interviewerScores.mapValues(\.score))
            })
    }

    static func confidenceOutcomes(_ entries: [LogEntry]) -> [ConfidenceOutcome] {
        var groups: [Int: [Double]] = [:]
        for e in entries {
            guard let c = e.scores.confidence, let avg = e.averageScore else { continue }
            groups[c, default: []].append(avg)
        }
        return groups.keys.sorted().map { c in
            ConfidenceOutcome(confidence: c, sessions: groups[c]!.count, meanScore: groups[c]!.reduce(0, +) / Double(groups[c]!.count))
        }
    }
}
