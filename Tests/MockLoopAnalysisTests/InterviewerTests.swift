import Foundation
import MockLoopCore
import Testing

@testable import MockLoopAnalysis

/// The built-in interviewer's choices, from fixture answers: each rule fires on the answer that
/// lacks what it probes for, stays quiet when the answer has it, and never fires twice.
@Suite struct InterviewerTests {
    static let library = try! ContentLibrary.builtIn()
    /// One fixed question per type: the fixtures below are written for these prompts.
    static let fixtures: [InterviewType: String] = [
        .coding: "balanced-brackets", .behavioral: "influence-cross-team-standard", .systemDesign: "sd-distributed-rate-limiter",
    ]
    static func question(_ type: InterviewType) -> Question { library.questions.first { $0.id == fixtures[type] }! }
    static func rubric(_ type: InterviewType) -> Rubric { library.rubrics.first { $0.type == type }! }

    /// A session with the opening asked, then the candidate's answers, each followed by what the
    /// interviewer replies; returns every reply in order.
    static func converse(
        _ type: InterviewType, phase: Int = 0, seed: UInt64 = 7, _ answers: [String]
    ) -> (PracticeState, [[InterviewerReply]]) {
        let q = question(type)
        var state = PracticeState(
            sessionId: UUID(), type: type, minutes: PhasePlan.defaultMinutes(type), seed: seed,
            questionIds: Array(repeating: q.id, count: type == .behavioral ? 3 : 1), startedAt: Date())
        for _ in 0..<phase { state.advancePhase(at: state.phase.start) }
        let i = Interviewer()
        let open = i.opening(q, state: state)
        state.turns.append(
            PracticeTurn(
                speaker: .interviewer, kind: open.kind, text: open.text, at: state.phase.start, phase: state.phase.key, rule: open.rule))
        var all: [[InterviewerReply]] = []
        for a in answers {
            state.turns.append(
                PracticeTurn(speaker: .candidate, kind: .answer, text: a, at: state.phase.start + 10, phase: state.phase.key))
            let replies = i.respond(state: state, question: q)
            for r in replies {
                state.turns.append(
                    PracticeTurn(
                        speaker: .interviewer, kind: r.kind, text: r.text, at: state.phase.start + 11, phase: state.phase.key, rule: r.rule)
                )
                if r.kind != .clarification { state.markProbed(r.rule) }
                if r.advances { state.advancePhase(at: state.phase.start + 12) }
            }
            all.append(replies)
        }
        return (state, all)
    }

    static let approachNoComplexity =
        "I would keep a stack of the opening brackets, push every opener, and when a closing bracket arrives pop the top one and check that the kinds match; at the end the stack must be empty."

    @Test func missingComplexityIsAskedOnceAndNotWhenStated() {
        let (_, replies) = Self.converse(
            .coding, phase: 1,
            [
                Self.approachNoComplexity,
                "I'd keep going with the same plan and write it now, carefully, one step at a time without shortcuts.",
            ])
        #expect(replies[0].contains { $0.rule == "complexity" && $0.text.contains("complexity") })
        #expect(!replies[1].contains { $0.rule == "complexity" }, "the complexity probe fires once")
        let (_, stated) = Self.converse(
            .coding, phase: 1, [Self.approachNoComplexity + " That is O(n log n) time for the sort and O(1) extra space."])
        #expect(!stated[0].contains { $0.rule == "complexity" })
    }

    @Test func noClarifyingQuestionIsNotedAndAQuestionLaterIsAnswered() {
        let (_, replies) = Self.converse(.coding, [Self.approachNoComplexity, "Can I assume the array fits in memory?"])
        #expect(replies[0].first?.rule == "no_clarifying")
        #expect(replies[0].first?.kind == .note)
        #expect(replies[1].map(\.kind) == [.clarification], "a short question gets only its answer")
        #expect(replies[1].first?.text == Clarifier.notSpecified, "no fact covers memory: not specified")
        let (_, asked) = Self.converse(.coding, ["How long can the string be, and what about an empty string?"])
        #expect(asked[0].map(\.kind) == [.clarification])
        let facts = Self.question(.coding).factList
        #expect(asked[0].first?.text.contains("100,000") == true, "\(asked[0])")
        #expect(
            asked[0].first.map { a in
                a.text.split(separator: " ").count <= facts.map(\.say).joined(separator: " ").split(separator: " ").count
            } == true)
    }

    @Test func weEverywhereAsksWhatYouDid() {
        let story =
            "At my last company five teams each had their own retry logic and no authority line to me. We wrote a shared library, we convinced each team to adopt it, we ran the migration over two weeks and we cut retry storms by 80 percent. Looking back, we would have found a skeptic to pilot it first."
        let (_, replies) = Self.converse(.behavioral, [story])
        #expect(replies[0].map(\.rule) == ["ownership"])
        #expect(replies[0][0].text.contains("YOU"))
        let mine =
            "At my last company five teams each had their own retry logic and none of them reported to me. I wrote a shared library, I convinced each team lead to adopt it, I ran the migration over two weeks and retry storms fell by 80 percent. Looking back, I would have found a skeptic to pilot it first."
        let (_, own) = Self.converse(.behavioral, [mine])
        #expect(!own[0].contains { $0.rule == "ownership" })
    }

    @Test func noNumbersAsksHowItWasMeasuredThenReflection() {
        let story =
            "At my last company every team deployed with its own scripts, and none of those teams reported to me. I wrote a shared pipeline as a standard, I split the test suite, I met each team lead to hear their objections, and I convinced them to adopt it one team at a time; deploys got much faster and people were happier with the result."
        let (_, replies) = Self.converse(
            .behavioral, [story, "I measured the deploy time from the CI dashboard: it went from 40 minutes to 9 minutes."])
        #expect(replies[0].map(\.rule) == ["measurement"])
        #expect(replies[1].map(\.rule) == ["reflection"], "numbers given, so reflection comes next")
    }

    @Test func technologyWithoutAReasonAsksWhyOverThePlainChoice() {
        let (_, replies) = Self.converse(
            .systemDesign, phase: 2,
            ["The writes go into Kafka and a consumer fans them out to the timeline store, which handles 20,000 writes per second at peak."]
        )
        #expect(replies[0].map(\.rule) == ["no_clarifying", "technology:kafka"], "the first answer asked nothing: noted, then probed")
        #expect(replies[0].last?.text == "Why Kafka over a plain queue here?")
        let (_, argued) = Self.converse(
            .systemDesign, phase: 2,
            ["The writes go into Kafka because we need replay for 7 days, and a consumer fans them out at 20,000 writes per second."])
        #expect(!argued[0].contains { $0.rule.hasPrefix("technology") })
    }

    @Test func codeIsNotMistakenForATechnologyChoice() {
        let (_, replies) = Self.converse(
            .coding, phase: 2,
            ["I sort with sorted(pairs, key=lambda p: p[1]) and then sweep once, keeping the best pair so far in two variables."])
        #expect(!replies[0].contains { $0.rule.hasPrefix("technology") }, "\(replies[0].map(\.rule))")
        #expect(replies[0].contains { $0.rule == "complexity" })
    }

    @Test func aSpokenTranscriptIsStoredAsWebVTTThatReadsBack() throws {
        var (state, _) = Self.converse(.coding, [])
        state.turns.append(
            PracticeTurn(
                speaker: .candidate, kind: .answer, text: "If 0 <= n < 10 & sorted, return early.", at: 40, startedAt: 30, phase: "clarify",
                source: .speech))
        // A hint lands while the answer is being spoken: cue times must still go forward.
        state.turns.insert(
            PracticeTurn(speaker: .interviewer, kind: .hint, text: "Hint 1 of 3: think <small>", at: 35, phase: "clarify"),
            at: state.turns.count - 1)
        let stored = PracticeTranscript(state: state).stored
        #expect(stored.format == "vtt")
        let parsed = try TranscriptParser.parse(stored.text)
        #expect(parsed.segments.contains { $0.text == "If 0 <= n < 10 & sorted, return early." })
        #expect(parsed.segments.contains { $0.text == "Hint 1 of 3: think <small>" })
        let typed = PracticeTranscript(state: Self.converse(.coding, ["Note: a typed answer with a colon."]).0).stored
        #expect(typed.format == "vtt", "typed mocks keep their turn times too")
        let cue = try TranscriptParser.parse(typed.text).segments.first { $0.text.contains("a typed answer with a colon") }
        #expect(cue?.start == cue?.end && cue?.start != nil, "a typed turn has its time, and no duration to take a pace from")
        let answer = cue
        #expect(answer?.speaker == "Candidate", "a colon inside an answer is not a speaker label")
        #expect(answer?.text == "Note: a typed answer with a colon.")
    }

    @Test func aBehavioralMockHasAsManyStoriesAsPromptsChosen() {
        let s = PracticeState(sessionId: UUID(), type: .behavioral, minutes: 30, seed: 1, questionIds: ["a", "b"], startedAt: Date())
        #expect(s.phases.map(\.title) == ["Story 1 of 2", "Story 2 of 2"])
        #expect(s.phases.last?.end == 1800)
    }

    @Test func curveballsFollowTheSeedAndRepeatExactly() {
        let long =
            "I would test with an empty array, a single element, duplicates and negative numbers, and it runs in O(n) time with O(1) space because we only keep two indexes."
        let a = Self.converse(.coding, phase: 3, seed: 1, [long, long, long]).1
        let b = Self.converse(.coding, phase: 3, seed: 1, [long, long, long]).1
        #expect(a == b, "same seed, same interview")
        let curveballs = a.flatMap { $0 }.filter { $0.kind == .curveball }
        #expect(!curveballs.isEmpty)
        #expect(Set(curveballs.map(\.rule)).count == curveballs.count, "no curveball twice")
        let q = Self.question(.coding)
        for c in curveballs { #expect(q.followUps.contains(c.text)) }
        let other = (2...20 as ClosedRange<UInt64>).map { seed in
            Self.converse(.coding, phase: 3, seed: seed, [long]).1[0].first { $0.kind == .curveball }?.text
        }
        #expect(Set(other.compactMap { $0 }).count > 1, "different seeds reorder the curveballs")
    }

    @Test func neverSaysTheKeyPointsUnprompted() {
        for type in PhasePlan.practiceTypes {
            let q = Self.question(type)
            let (state, _) = Self.converse(
                type, phase: 2,
                [
                    "I am not sure where to begin with this one, honestly, let me think about it for a while and come back to it later when I know more."
                ])
            let said = state.turns.filter { $0.speaker == .interviewer && $0.kind != .hint }.map(\.text).joined(separator: " ")
            for point in q.keyPoints { #expect(!said.contains(point), "\(type): said key point \(point)") }
        }
    }

    @Test func hintsComeInOrderAndRunOut() {
        var (state, _) = Self.converse(.coding, [])
        let q = Self.question(.coding)
        for n in 1...q.hints.count {
            let h = Interviewer().hint(state: state, question: q)
            #expect(h?.text == "Hint \(n) of \(q.hints.count): \(q.hints[n - 1])")
            state.turns.append(PracticeTurn(speaker: .interviewer, kind: .hint, text: h!.text, at: 1, phase: state.phase.key))
        }
        #expect(Interviewer().hint(state: state, question: q) == nil)
    }

    @Test func behavioralMovesToTheNextStoryAndWrapsUpAtTheEnd() {
        let full =
            "At my last company four teams had no authority line to me but all used a slow search client. I profiled it, I rewrote the ranking query as a shared library, I convinced each team to adopt it, and p95 latency fell from 900 ms to 120 ms. Looking back, I would have involved the data team earlier."
        let (state, replies) = Self.converse(.behavioral, [full, full, full, full, full, full])
        let moves = replies.flatMap { $0 }.filter { $0.rule == "move_on" }
        #expect(moves.count == 2, "three stories: two moves")
        #expect(state.phaseIndex == 2)
        #expect(replies.flatMap { $0 }.last?.rule == "wrap_up")
    }

    @Test func phasesScaleToTheLengthAndCoverIt() {
        for type in PhasePlan.practiceTypes {
            for minutes in [10, 30, 45, 90] {
                let p = PhasePlan.phases(for: type, minutes: minutes)
                #expect(p.first?.start == 0)
                #expect(p.last?.end == Double(minutes * 60))
                for (a, b) in zip(p, p.dropFirst()) { #expect(a.end == b.start) }
            }
        }
        let coding = PhasePlan.phases(for: .coding, minutes: 45)
        #expect(coding.map(\.key) == ["clarify", "approach", "code", "test", "optimize"])
        #expect(coding.map(\.end) == [120, 300, 1800, 2280, 2700])
        #expect(PhasePlan.phases(for: .behavioral, minutes: 20).count == 2)
    }

    @Test func clockStopsForPausesAndAtTheEnd() {
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        var s = PracticeState(sessionId: UUID(), type: .coding, minutes: 10, seed: 1, questionIds: ["q"], startedAt: t0)
        #expect(s.clock(at: t0.addingTimeInterval(90)) == 90)
        s.pauses.append(.init(start: t0.addingTimeInterval(100), end: t0.addingTimeInterval(160)))
        #expect(s.clock(at: t0.addingTimeInterval(200)) == 140)
        #expect(s.overrun(at: t0.addingTimeInterval(200)) == 140 - s.phase.end)
        #expect(s.isTimeUp(at: t0.addingTimeInterval(700)))
        #expect(s.clock(at: t0.addingTimeInterval(5000)) == 600)
        s.end(.finished, at: t0.addingTimeInterval(300))
        #expect(s.clock(at: t0.addingTimeInterval(5000)) == 240)
    }

    @Test func feedbackScoresCarryEvidenceAndCalibration() {
        let (state0, _) = Self.converse(
            .coding, phase: 1,
            [
                "Can I assume the input fits in memory? " + Self.approachNoComplexity,
                "It is O(n log n) time because of the sort. I would test an empty array and duplicates.",
            ])
        var state = state0
        state.runs = [PracticeRun(at: 900, runId: nil, language: .python, verdict: .accepted, passed: 5, total: 5, compiled: true)]
        let rubric = Self.rubric(.coding)
        let fresh = PracticeFeedback.build(state: state, rubric: rubric, gaps: [:])
        #expect(fresh.label == "AI score")
        let clar = fresh.dimensions.first { $0.key == "clarification" }!
        #expect(clar.aiScore == 2)
        #expect(clar.evidence.first?.text == "Can I assume the input fits in memory?")
        #expect(clar.calibrated == 1.5, "0.5 off by default")
        #expect(fresh.calibrationNote.contains("over-score"))
        let exec = fresh.dimensions.first { $0.key == "coding_execution" }!
        #expect(exec.aiScore == 3)
        let approach = fresh.dimensions.first { $0.key == "approach_verbalization" }!
        #expect(approach.aiScore == 3, "over 60 words of plan before the code")
        #expect(approach.evidence.first?.text.hasPrefix("I would keep a stack") == true)
        #expect(
            PracticeFeedback.build(state: state, rubric: rubric, gaps: [:], canRun: false).dimensions.first {
                $0.key == "coding_execution"
            }?.aiScore == nil,
            "no tests or no sandbox: execution is left to a human")
        #expect(exec.evidence.first?.text.contains("5/5") == true)
        let edge = fresh.dimensions.first { $0.key == "testing_edge_cases" }!
        #expect(edge.evidence.contains { $0.text.contains("empty array") })
        #expect(fresh.retro.priorityFix != nil)
        #expect(rubric.dimension(fresh.retro.priorityFix!.dimension) != nil)
        let measured = PracticeFeedback.build(
            state: state, rubric: rubric,
            gaps: ["clarification": CalibrationGap(dimension: "clarification", pairs: 4, meanGap: 0.25)])
        #expect(measured.dimensions.first { $0.key == "clarification" }!.calibrated == 1.75)
    }
}
