import Foundation
import MockLoopCore
import Testing

@testable import MockLoopAnalysis

/// The result's invariants, over many generated mocks (seeded answer mixes, runs, phases):
/// scores come from the quotes they list; no red flag is contradicted by a quote; the fix, its
/// text and its drill share one target; "what went well" quotes a strength. Engine level only.
@Suite struct FeedbackPropertyTests {
    static let library = try! ContentLibrary.builtIn()

    static let fragments: [InterviewType: [String]] = [
        .coding: [
            "Can the input be empty?", "How large can n get?", "Are there duplicates?", "I'd use a hash map from value to index.",
            "It runs in O(n) time and O(n) space.", "I would test an empty list, one element and negative numbers.",
            "Let me trace the example: the first pair gives 3, so it returns true.", "The trade-off is memory for speed.",
            "def solve(xs):\n    seen = {}\n    for x in xs:\n        seen[x] = 1\n    return len(seen)", "ok", "I'm not sure yet.",
            "I will sort first and sweep with two pointers.", "We could use a heap instead of sorting, at the cost of more code.",
        ],
        .behavioral: [
            "At my last company our deploys took an hour.", "We did it together and it went well.",
            "I wrote the migration plan and I led the rollout.",
            "We decided to ship it anyway.", "Deploy time went from 60 minutes to 8 minutes.", "It improved things a lot.",
            "Looking back, I would have involved the data team earlier.", "My goal was to cut the on-call load.",
            "I convinced three teams to adopt the library.", "The result was great and everyone was happy.",
            "I learned to write the plan down first.",
        ],
        .systemDesign: [
            "How many daily users do we expect?", "Is it read heavy?", "About 10 million users, 2,000 requests per second at peak.",
            "I'd put a cache in front of the database.", "We store 5 TB per year.", "I'd use Kafka because we need replay.",
            "The trade-off is consistency for latency.", "Sharding by user id over range sharding, because hot ranges hurt.",
            "Sounds good.",
        ],
    ]

    static func generate(_ type: InterviewType, seed: UInt64) -> (PracticeState, [Question]) {
        var rng = SeededGenerator(seed: seed)
        let pool = library.questions.filter { $0.type == type }
        let picked = type == .behavioral ? Array(pool.shuffled(using: &rng).prefix(2)) : [pool.randomElement(using: &rng)!]
        var state = PracticeState(
            sessionId: UUID(), type: type, minutes: PhasePlan.defaultMinutes(type), seed: seed, questionIds: picked.map(\.id),
            startedAt: Date(timeIntervalSince1970: 0))
        var clock = 5.0
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            let parts = (0..<Int.random(in: 1...4, using: &rng)).map { _ in fragments[type]!.randomElement(using: &rng)! }
            let text = parts.joined(separator: " ")
            clock += Double.random(in: 10...200, using: &rng)
            state.turns.append(
                PracticeTurn(
                    speaker: .candidate, kind: .answer, text: text, at: clock, phase: state.phase.key,
                    source: Bool.random(using: &rng) ? .typed : .speech, coverage: AnswerCoverage.read(text, type: type)))
            if type == .coding, Int.random(in: 0..<4, using: &rng) == 0 {
                let total = 8
                let passed = Int.random(in: 0...total, using: &rng)
                state.runs.append(
                    PracticeRun(
                        at: clock, runId: nil, language: .python, verdict: passed == total ? .accepted : .wrongAnswer, passed: passed,
                        total: total, compiled: true))
            }
            if Int.random(in: 0..<3, using: &rng) == 0 { state.advancePhase(at: clock) }
        }
        state.end(.finished, at: Date(timeIntervalSince1970: clock))
        return (state, picked)
    }

    @Test(arguments: PhasePlan.practiceTypes)
    func resultsAgreeWithTheirEvidence(type: InterviewType) {
        let rubric = Self.library.rubrics.first { $0.type == type }!
        for seed in 0..<UInt64(1000) {
            let (state, questions) = Self.generate(type, seed: seed)
            let f = PracticeFeedback.build(state: state, rubric: rubric, gaps: [:], canRun: seed % 5 != 0, questions: questions)
            let context = "seed \(seed)"
            for d in f.dimensions {
                #expect(d.aiScore == DimensionEvidence.score(d.evidence, need3: DimensionEvidence.need3[d.key] ?? 2), "\(context) \(d.key)")
                #expect((d.aiScore == nil) == d.evidence.isEmpty, "\(context) \(d.key): not observed iff no evidence")
                if (d.aiScore ?? 0) >= 2 { #expect(d.evidence.contains { !$0.isGap }, "\(context) \(d.key): a 2 needs a strength") }
            }
            func strengths(_ key: String) -> [PracticeFeedback.Quote] {
                f.dimensions.first { $0.key == key }?.evidence.filter { !$0.isGap } ?? []
            }
            for flag in f.redFlags.map(\.flag) {
                switch flag {
                case .noClarifyingQuestions:
                    #expect(strengths("clarification").isEmpty && strengths("requirements").isEmpty, "\(context)")
                    #expect(
                        !f.dimensions.flatMap(\.evidence).contains { !$0.isGap && $0.text.hasSuffix("?") },
                        "\(context): a question is quoted")
                case .noComplexity:
                    #expect(
                        !f.dimensions.flatMap(\.evidence).contains { Lexicon.complexity.contains(in: PhraseMatcher.bytes($0.text)) },
                        "\(context)")
                case .noOwnership: #expect(strengths("own_contribution").isEmpty, "\(context)")
                case .vagueResult: #expect(strengths("quantified_outcomes").isEmpty, "\(context)")
                default: break
                }
            }
            guard state.turns.contains(where: { $0.speaker == .candidate }) else { continue }
            if let fix = f.retro.priorityFix {
                let dim = rubric.dimension(fix.dimension)!
                #expect(fix.text == f.topFix, "\(context): one fix text")
                #expect(f.retro.drill == FixTarget.drill(dim), "\(context): the drill follows the fix")
                if let flag = f.redFlags.map(\.flag).first(where: { FeedbackFlags.dimension(of: $0, in: rubric) != nil }) {
                    #expect(FeedbackFlags.dimension(of: flag, in: rubric) == fix.dimension, "\(context): the top flag's dimension")
                } else {
                    let lowest = f.dimensions.compactMap(\.aiScore).min()
                    #expect(f.dimensions.first { $0.key == fix.dimension }?.aiScore == lowest, "\(context): the weakest dimension")
                }
            }
            if let well = f.retro.wentWell {
                let quoted = f.dimensions.filter { (($0.aiScore ?? 0) >= 2) }.flatMap { $0.evidence.filter { !$0.isGap } }
                #expect(quoted.contains { well.contains($0.text) }, "\(context): what went well quotes a strength: \(well)")
            }
        }
    }

    /// Whatever the candidate asks, every sentence of a clarification is one of the question's
    /// facts or a fixed template, over every bank question; key points and model answers never.
    @Test func clarificationsSayOnlyFactsOrTemplates() {
        var rng = SeededGenerator(seed: 11)
        let probes = [
            "Can the input be empty?", "How big can it get?", "Are values negative?", "Is it sorted?", "What about duplicates?",
            "How many users?", "What latency do we need?", "Does it need to be a work story?", "How recent should it be?",
            "What should I return when there is no answer?", "Is the graph connected, and can there be cycles?",
            "What is the meaning of life?",
        ]
        for q in Self.library.questions {
            #expect(!q.factList.isEmpty, "\(q.id) has facts")
            for f in q.factList {
                for point in q.keyPoints { #expect(!f.say.contains(point), "\(q.id): a fact says a key point") }
                #expect(!f.say.contains(q.modelAnswer!.outline), "\(q.id)")
            }
            let allowed = Set(q.factList.map { $0.isOpen ? Clarifier.openPrefix + $0.say : $0.say } + [Clarifier.notSpecified])
            for _ in 0..<20 {
                let asked = (0..<Int.random(in: 1...3, using: &rng)).map { _ in probes.randomElement(using: &rng)! }.joined(separator: " ")
                let answer = Clarifier().answer(asked, facts: q.factList)
                #expect(answer.parts.joined(separator: " ") == answer.text)
                for part in answer.parts { #expect(allowed.contains(part), "\(q.id): '\(part)' is not a fact or template") }
            }
        }
    }
}
