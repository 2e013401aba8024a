import Foundation
import MockLoopCore
import Testing

@testable import MockLoopAnalysis

/// The interviewer as a new user met it: each test is one finding, replayed through the engine
/// (no HTTP, no database) the way the practice service drives it.
@Suite struct InterviewerFindingsTests {
    static let library = try! ContentLibrary.builtIn()
    static func question(_ id: String) -> Question { library.questions.first { $0.id == id }! }
    static func rubric(_ type: InterviewType) -> Rubric { library.rubrics.first { $0.type == type }! }

    /// A mock driven like the service: each answer read once, the phase caught up with the work,
    /// then the interviewer's replies recorded (and a move-on advancing).
    struct Mock {
        var state: PracticeState
        let questions: [Question]
        var replies: [[InterviewerReply]] = []
        var clock = 10.0

        init(_ type: InterviewType, _ questions: [Question], seed: UInt64 = 3) {
            self.questions = questions
            state = PracticeState(
                sessionId: UUID(), type: type, minutes: PhasePlan.defaultMinutes(type), seed: seed, questionIds: questions.map(\.id),
                startedAt: Date())
            let open = Interviewer().opening(questions[0], state: state)
            state.turns.append(
                PracticeTurn(speaker: .interviewer, kind: open.kind, text: open.text, at: 0, phase: state.phase.key, rule: open.rule))
        }

        var question: Question { questions[state.promptIndex] }

        mutating func say(_ text: String) {
            clock += 30
            state.turns.append(
                PracticeTurn(
                    speaker: .candidate, kind: .answer, text: text, at: clock, phase: state.phase.key,
                    coverage: AnswerCoverage.read(text, type: state.type)))
            catchUp()
            let out = Interviewer().respond(state: state, question: question)
            for r in out {
                state.turns.append(
                    PracticeTurn(speaker: .interviewer, kind: r.kind, text: r.text, at: clock, phase: state.phase.key, rule: r.rule))
                if r.kind != .clarification { state.markProbed(r.rule) }
                if r.advances { state.advancePhase(at: clock) }
            }
            replies.append(out)
        }

        mutating func run(passed: Int, of total: Int, failure: FailingCase? = nil) {
            clock += 20
            state.runs.append(
                PracticeRun(
                    at: clock, runId: nil, language: .python, verdict: passed == total ? .accepted : .wrongAnswer, passed: passed,
                    total: total,
                    compiled: true, failure: failure))
            catchUp()
        }

        mutating func catchUp() {
            let target = PhaseProgress.reached(state, starter: "")
            while state.phaseIndex < target { state.advancePhase(at: clock) }
        }

        func feedback(canRun: Bool = true) -> PracticeFeedback {
            var s = state
            s.end(.finished, at: s.startedAt.addingTimeInterval(clock))
            return PracticeFeedback.build(
                state: s, rubric: InterviewerFindingsTests.rubric(s.type), gaps: [:], canRun: canRun, questions: questions)
        }
    }

    /// 1. Two short clarifying questions are evidence: Clarification is scored on them and no
    /// "no clarifying questions" flag (nor a fix about it) contradicts them.
    @Test func clarifyingQuestionsInAShortTurnAreNotContradicted() {
        var m = Mock(.coding, [Self.question("tree-right-view")])
        m.say("Can the tree be empty? Can values be negative, and how many nodes can there be at most?")
        m.say(
            "I would do a breadth-first search level by level and keep the last value of each level, returning an empty list for an empty tree. That is O(n) time and O(w) space for the widest level."
        )
        let f = m.feedback()
        let clar = f.dimensions.first { $0.key == "clarification" }!
        #expect(clar.evidence.contains { !$0.isGap && $0.text.hasSuffix("?") })
        #expect((clar.aiScore ?? 0) >= 2)
        #expect(!f.redFlags.contains { $0.flag == .noClarifyingQuestions })
        #expect(f.retro.priorityFix?.dimension != "clarification")
        #expect(!f.topFix.lowercased().contains("clarifying"))
    }

    /// 2. Clarifications come from the question's own facts and answer what was asked.
    @Test func clarificationsCiteTheQuestionsOwnLimits() {
        let q = Self.question("tree-right-view")
        var m = Mock(.coding, [q])
        m.say("What should I return for an empty tree? Can values be negative? Could there be 30,000 nodes?")
        let reply = m.replies[0].first { $0.kind == .clarification }!
        let said = Clarifier().answer(m.state.turns[1].text, facts: q.factList)
        #expect(reply.text == said.text)
        #expect(said.facts.count >= 2, "\(said)")
        for part in said.parts { #expect(q.factList.map(\.say).contains(part) || part == Clarifier.notSpecified, "\(part)") }
        #expect(!reply.text.contains("10^5 elements"), "no canned constraint")
        let unknown = Clarifier().answer("Is the tree stored on disk in a remote datacenter?", facts: q.factList)
        #expect(unknown.text == Clarifier.notSpecified)
    }

    /// 3. Phases follow progress: approach with complexity → code, a passing run → test, and no
    /// earlier phase's question once past it.
    @Test func phasesFollowTheCandidatesProgress() {
        var m = Mock(.coding, [Self.question("balanced-brackets")])
        m.say("How long can the string be?")
        #expect(m.state.phase.key == "clarify")
        m.say(
            "I'd use a stack: push each opening bracket, and on a closing bracket pop and check the kinds match; balanced if the stack ends empty. It is O(n) time and O(n) space."
        )
        #expect(m.state.phase.key == "code")
        m.run(passed: 11, of: 11)
        #expect(m.state.phase.key == "test")
        m.say("Walking through the example ([)]: the ] pops ( and the kinds differ, so it returns false.")
        let lines = m.replies.flatMap { $0 }.map(\.text)
        #expect(!lines.dropFirst(1).contains(Interviewer.keepGoing["clarify"]!), "\(lines)")
        #expect(!lines.contains(Interviewer.keepGoing["approach"]!))
    }

    /// A plan that shares nothing with the known approaches is walked through the example,
    /// without being called wrong or given the right name.
    @Test func anUnworkableApproachIsWalkedThroughTheExample() {
        let q = Self.question("fewest-coins")
        var m = Mock(.coding, [q])
        m.say(
            "I would use union-find with path compression over the coins, merging the denominations that divide each other, then read the answer off the root."
        )
        let probe = m.replies[0].last!
        #expect(probe.rule == "walk_example")
        for known in q.modelAnswer!.approaches! { #expect(!probe.text.lowercased().contains(known), "names \(known)") }
        #expect(!probe.text.lowercased().contains("wrong"))
        var good = Mock(.coding, [q])
        good.say("I'd use dynamic programming bottom-up: best[a] is the fewest coins for amount a, built from every coin.")
        #expect(!good.replies[0].contains { $0.rule == "walk_example" })
    }

    /// 4. What went well quotes a strength (never a failing run); the behavioral fix's dimension,
    /// text and drill come from the same place.
    @Test func theRetroQuotesStrengthsAndItsFixAgreesWithItsDrill() {
        var m = Mock(.coding, [Self.question("balanced-brackets")])
        m.say("Can the string be empty?")
        m.say("I'd use a stack of openers and pop on each closer, checking kinds. O(n) time, O(n) space.")
        m.run(passed: 7, of: 11)
        let f = m.feedback()
        #expect(f.retro.wentWell?.contains("Run:") != true, "\(f.retro.wentWell ?? "")")
        let exec = f.dimensions.first { $0.key == "coding_execution" }!
        #expect(exec.aiScore == 1 && exec.evidence.allSatisfy(\.isGap))

        var b = Mock(.behavioral, [Self.question("influence-cross-team-standard"), Self.question("failure-production-incident")])
        b.say(
            "At my last company five teams each kept their own retry code. We wrote a shared library, we convinced the teams to adopt it, we ran the migration and the rollout went well. We were all happy with the standard in the end and the teams liked it."
        )
        let fb = b.feedback()
        let fix = fb.retro.priorityFix!
        #expect(fb.retro.drill == FixTarget.drill(Self.rubric(.behavioral).dimension(fix.dimension)!))
        if fix.dimension == "own_contribution" { #expect(fix.text.contains("\"I\"")) }
        #expect(fix.text == fb.topFix)
    }

    /// 5. A short answer is asked for more; a story about something else is pointed back at the prompt.
    @Test func shortAndOffTopicStoriesAreProbed() {
        var m = Mock(.behavioral, [Self.question("influence-cross-team-standard"), Self.question("failure-production-incident")])
        m.say("We did it together as a team and it worked out fine in the end, everyone was happy.")
        #expect(m.replies[0].map(\.rule) == ["tell_more"])
        var off = Mock(.behavioral, [Self.question("uncertainty-big-technical-bet"), Self.question("failure-production-incident")])
        off.say(
            "Last spring our payments service went down at 2 am. I was on call, I got paged, I found the bad deploy in the logs, I rolled it back and service came back within 40 minutes. Afterwards I wrote the postmortem and added an alert on error rates so we would catch it sooner next time."
        )
        #expect(off.replies[0].map(\.rule) == ["off_topic"], "\(off.replies)")
        #expect(off.replies[0][0].text.contains("The question was:"))
    }

    /// 6. A vague answer cannot score above 1 where it has no evidence, and an unseen dimension is "not observed".
    @Test func aVagueAnswerIsNotOverScored() {
        var m = Mock(.behavioral, [Self.question("influence-cross-team-standard"), Self.question("failure-production-incident")])
        m.say(
            "We improved things a lot for the other teams and the adoption went really well. It was a good result overall and people liked the new standard, and the project was a success for the company."
        )
        let f = m.feedback()
        let scope = f.dimensions.first { $0.key == "scope_of_impact" }!
        #expect((scope.aiScore ?? 0) <= 1, "\(scope)")
        let reflect = f.dimensions.first { $0.key == "what_id_do_differently" }!
        #expect(reflect.aiScore == nil && reflect.reason.hasPrefix("Not observed"))
    }

    /// 7 and 8. A failing run carries its first failing visible case; facts never asked about
    /// and the model answer appear only in the result.
    @Test func theResultListsMissedFactsAndTheModelAnswer() {
        let q = Self.question("balanced-brackets")
        var m = Mock(.coding, [q])
        m.say("How long can the string be?")
        m.run(passed: 3, of: 11, failure: FailingCase(index: 3, input: "[\"([)]\"]", expected: "false", actual: "true"))
        #expect(m.state.runs.last?.failure?.expected == "false")
        let f = m.feedback()
        let asked = Clarifier().answer("How long can the string be?", facts: q.factList).facts
        #expect(f.missedFacts?.count == q.factList.count - asked.count)
        #expect(f.missedFacts?.contains(q.factList[asked[0]].say) == false)
        #expect(f.modelAnswers?.first?.answer == q.modelAnswer)
        let said = m.state.turns.filter { $0.speaker == .interviewer }.map(\.text).joined(separator: " ")
        #expect(!said.contains(q.modelAnswer!.outline))
    }
}
