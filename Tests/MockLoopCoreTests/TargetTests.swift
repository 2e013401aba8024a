import Foundation
import Testing

@testable import MockLoopCore

/// The target a user sets once and every default reads; how the bank is searched; the clock of
/// a mock run by people.
@Suite struct TargetTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    @Test func aTargetIsReadAsTypedAndEveryProblemNamesItsField() throws {
        let t = try Target.parse(
            tier: "Tier 1", level: "STAFF", types: ["System Design", "coding", "system_design", " "], loopDate: "2026-12-15",
            company: "  Stripe ", now: now)
        #expect(t == Target(tier: .tier1, level: .staff, types: [.systemDesign, .coding], loopDate: "2026-12-15", company: "Stripe"))
        #expect(t.daysToLoop(now: now, timeZone: TimeZone(identifier: "UTC")!) == 27)
        #expect(t.firstType(in: PhasePlan.practiceTypes) == .systemDesign)
        do {
            _ = try Target.parse(tier: "", level: "principal", types: [], loopDate: "2026-02-30", company: nil, now: now)
            Issue.record("a bad target was accepted")
        } catch let e as MockLoopError {
            #expect(Set(e.fields.keys) == ["tier", "level", "types", "loopDate"])
            #expect(e.fields["loopDate"]?.contains("2026-12-15") == true, "the expected format shown by example")
        }
        #expect(throws: MockLoopError.self) {
            try Target.parse(tier: "tier1", level: "senior", types: ["coding"], loopDate: "2026-11-01", company: nil, now: now)
        }
    }

    @Test func theNextFocusQuestionStaysInTheTargetsMainDifficulties() throws {
        let bank = Difficulty.allCases.flatMap { d in (0..<6).map { QuestionPickerTests.question("\(d.rawValue)-\($0)", d) } }
        let rubric = try #require(try ContentLibrary.builtIn().rubrics.first { $0.type == .coding })
        let trends = rubric.dimensions.enumerated().map { i, d in
            DimensionTrend(dimension: d.key, sessions: 4, mean: 1.5 + Double(i) / 10, slope: nil, direction: nil)
        }
        for level in Level.allCases {
            for tier in CompanyTier.allCases {
                let favoured = TargetMix.for(tier: tier, level: level).favoured
                #expect(!favoured.isEmpty)
                for seed in 0..<60 as Range<UInt64> {
                    let focus = NextFocus.choose(
                        trends: trends, rubric: rubric, questions: bank, seen: [], level: level, tier: tier, seed: seed)
                    let id = try #require(focus?.questionID)
                    let difficulty = try #require(bank.first { $0.id == id }?.difficulty)
                    #expect(favoured.contains(difficulty), "\(tier) \(level) seed \(seed): \(difficulty)")
                }
            }
        }
        #expect(!TargetMix.for(tier: .tier1, level: .staff).favoured.contains(.easy), "a Staff target is never sent to an easy one")
    }

    @Test func topicsMatchInAnySpellingAndTextSearchesWhereAPersonLooks() {
        let q = Question(
            id: "x", type: .systemDesign, title: "Ticketing", prompt: "Sell tickets.", difficulty: .hard,
            topics: ["graphs", "dynamic-programming", "queues"], levels: Level.allCases, tiers: CompanyTier.allCases,
            underspecified: false, followUps: ["What if Kafka is down?"], hints: ["Think about idempotency keys."], keyPoints: ["secret"])
        for typed in ["graph", "Graphs", "GRAPH", "dyn", "dynamic programming", "dynamic_programming", "queue", "queues"] {
            #expect(QuestionFilter(topic: typed).matches(q), "topic \(typed)")
        }
        for typed in ["tree", "graphsx", "programming"] { #expect(!QuestionFilter(topic: typed).matches(q), "topic \(typed)") }
        for typed in ["kafka", "idempotency", "queue", "tickets", "sell ticket", "idempotency keys"] {
            #expect(QuestionFilter(text: typed).matches(q), "text \(typed)")
        }
        #expect(!QuestionFilter(text: "secret").matches(q), "key points are not searched: they are the answer")
        #expect(!QuestionFilter(text: "kafka zookeeper").matches(q), "every word must be found")
        #expect(QuestionFilter.singular("classes") == "class" && QuestionFilter.singular("class") == "class")
        #expect(QuestionFilter.singular("boxes") == "box" && QuestionFilter.singular("entries") == "entry")
    }

    /// For every type and length: phases tile the clock, the reading moves forward through them
    /// and never skips back, and the recorded minutes follow the clock.
    @Test func theSessionClockWalksThePhasesInOrderProperty() {
        var rng = SeededGenerator(seed: 7)
        for type in InterviewType.allCases {
            for _ in 0..<20 {
                let minutes = Int.random(in: PhasePlan.minuteRange, using: &rng)
                let clock = SessionClock(type: type, minutes: minutes, startedAt: now)
                #expect(clock.phases.first?.start == 0 && clock.phases.last?.end == Double(minutes * 60))
                var last = 0
                for second in stride(from: 0.0, through: Double(minutes * 60 + 300), by: Double.random(in: 7...90, using: &rng)) {
                    let r = clock.reading(at: now.addingTimeInterval(second))
                    #expect(r.phase >= last)
                    #expect(r.overtime == (second >= Double(minutes * 60)))
                    if !r.overtime { #expect(clock.phases[r.phase].start <= second && second < clock.phases[r.phase].end) }
                    #expect(clock.minutesElapsed(at: now.addingTimeInterval(second)) == max(1, Int(second / 60)))
                    last = r.phase
                }
                #expect(clock.reading(at: now.addingTimeInterval(-30)).phase == 0, "a clock read before its start is at zero")
            }
        }
    }
}
