import Fluent
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices
import MockLoopStore
import MockLoopTestSupport
import MockLoopWeb

// Practice benchmark: how long the candidate waits for the interviewer. Runs whole timed mocks
// through the practice service on a real store (start, eight answers, finish) and prints the
// answer round trip (store the answer, analyse the conversation, choose the reply, save)
// against reading the same session back (`show`, the baseline) in the same run; then the rule
// engine alone early and late in a long conversation, to show it does not slow down as the
// conversation grows.
//
//   swift run -c release PracticeBench          (SQLite; PostgreSQL too when MOCKLOOP_TEST_POSTGRES_URL is set)
//   PRACTICEBENCH_MOCKS=40 swift run -c release PracticeBench

let mocks = Int(ProcessInfo.processInfo.environment["PRACTICEBENCH_MOCKS"] ?? "") ?? 20

let answers = [
    "Can I assume the input fits in memory, and can it be empty?",
    "I would keep a stack of the opening brackets and pop when a closing one arrives, checking the kinds match.",
    "We could also use a counter per kind, but that fails on interleaving like ([)] so the stack it is.",
    "def is_balanced(s):\n    stack = []\n    for ch in s:\n        if ch in '([{':\n            stack.append(ch)\n    return not stack",
    "It is O(n) time and O(n) space in the worst case, because every bracket may be pushed once.",
    "I would test the empty string, a single closing bracket, deep nesting and a long run of opening brackets.",
    "If the input were a stream I would keep the same stack and report the first position that fails.",
    "The trade-off is memory for the stack against a simpler counter that cannot handle several kinds.",
]

func run(_ kind: TestDatabase) async throws {
    try await withStore(kind) { db, owner in
        let service = PracticeService(db: db, userID: owner, runner: nil, voice: BuiltInVoice())
        // The same answers when the session's question, rubric and last fix are read again on
        // every call (as before they were kept): the baseline for the kept context.
        let rereading = PracticeService(db: db, userID: owner, runner: nil, voice: BuiltInVoice(), keepsContext: false)
        var reread: [Double] = []
        for i in 0..<mocks {
            let id = try await rereading.start(.init(type: "coding", questionId: "balanced-brackets", seed: UInt64(500 + i))).id
            for text in answers { reread.append(try await timed { _ = try await rereading.answer(id, .init(text: text)) }) }
            _ = try await rereading.done(id)
        }
        var answer: [Double] = []
        var show: [Double] = []
        var finish: [Double] = []
        var start: [Double] = []
        for i in 0..<mocks {
            var id = UUID()
            start.append(
                try await timed { id = try await service.start(.init(type: "coding", questionId: "balanced-brackets", seed: UInt64(i))).id }
            )
            for text in answers {
                answer.append(try await timed { _ = try await service.answer(id, .init(text: text)) })
                show.append(try await timed { _ = try await service.show(id) })
            }
            finish.append(try await timed { _ = try await service.done(id) })
        }
        var picked: [Double] = []
        for i in 0..<mocks {
            picked.append(try await timed { _ = try await service.start(.init(type: "coding", seed: UInt64(1000 + i))) })
        }
        let label = kind == .sqlite ? "sqlite" : "postgres"
        print("[\(label)] \(mocks) coding mocks, \(answers.count) answers each")
        print("[\(label)] start              p50 \(ms(percentile(start, 0.5)))  p95 \(ms(percentile(start, 0.95)))")
        print("[\(label)] start (picker)     p50 \(ms(percentile(picked, 0.5)))  p95 \(ms(percentile(picked, 0.95)))")
        print("[\(label)] answer round trip  p50 \(ms(percentile(answer, 0.5)))  p95 \(ms(percentile(answer, 0.95)))")
        print("[\(label)] answer, context re-read each time  p50 \(ms(percentile(reread, 0.5)))  p95 \(ms(percentile(reread, 0.95)))")
        print("[\(label)] answer kept / re-read  p50 ratio \(String(format: "%.2f", percentile(answer, 0.5) / percentile(reread, 0.5)))x")
        print("[\(label)] show (baseline)    p50 \(ms(percentile(show, 0.5)))  p95 \(ms(percentile(show, 0.95)))")
        print("[\(label)] answer / show      p50 ratio \(String(format: "%.2f", percentile(answer, 0.5) / percentile(show, 0.5)))x")
        print(
            "[\(label)] finish (result, scores, transcript, calibration) p50 \(ms(percentile(finish, 0.5)))  p95 \(ms(percentile(finish, 0.95)))"
        )
    }
}

/// The rule engine alone, after 2 answers and after 60: each answer is read once when it
/// arrives (its coverage), so a reply should cost about the same late in a long mock.
func engine() throws {
    let question = try ContentLibrary.builtIn().questions.first { $0.id == "balanced-brackets" }!
    let interviewer = Interviewer()
    func state(answers n: Int) -> PracticeState {
        var s = PracticeState(sessionId: UUID(), type: .coding, minutes: 45, seed: 1, questionIds: [question.id], startedAt: Date())
        s.advancePhase(at: 200)
        for k in 0..<n {
            let text = answers[k % answers.count]
            s.turns.append(
                PracticeTurn(
                    speaker: .candidate, kind: .answer, text: text, at: Double(k), phase: s.phase.key,
                    coverage: AnswerCoverage.read(text, type: .coding)))
            s.turns.append(
                PracticeTurn(speaker: .interviewer, kind: .moveOn, text: "Go on.", at: Double(k), phase: s.phase.key, rule: "keep_going"))
        }
        s.turns.append(PracticeTurn(speaker: .candidate, kind: .answer, text: answers[1], at: Double(n), phase: s.phase.key))
        return s
    }
    /// A reply as the service makes it: the new answer is read once, then the interviewer answers.
    func reply(_ s: PracticeState) {
        var s = s
        s.turns[s.turns.count - 1].coverage = AnswerCoverage.read(s.turns[s.turns.count - 1].text, type: .coding)
        _ = interviewer.respond(state: s, question: question)
    }
    var figures: [Int: Double] = [:]
    for n in [2, 60] {
        let s = state(answers: n)
        var times: [Double] = []
        for _ in 0..<200 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            reply(s)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        figures[n] = percentile(times, 0.5)
        print("[engine] reply after \(n) answers   p50 \(ms(percentile(times, 0.5)))  p95 \(ms(percentile(times, 0.95)))")
    }
    print("[engine] 60 / 2 answers p50 ratio \(String(format: "%.1f", figures[60]! / figures[2]!))x")
}

try engine()
try await run(.sqlite)
if ProcessInfo.processInfo.environment["MOCKLOOP_TEST_POSTGRES_URL"] != nil { try await run(.postgres) }
