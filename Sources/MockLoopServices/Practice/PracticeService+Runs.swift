import Foundation
import MockLoopCore
import MockLoopRunner

/// Running code during a coding mock: "Run tests" against the question's tests (recorded, shown
/// with the first failing visible case), and "Run with my input" (the output only, not a test run).
extension PracticeService {
    public func run(_ id: UUID, _ body: PracticeRequest.Code, now: Date = Date()) async throws -> PracticeView {
        let language = try Self.validate(body, requireCode: true)
        if (body.input ?? "").count > PracticeRequest.maxInput {
            throw MockLoopError.invalid("input", "is longer than \(PracticeRequest.maxInput) characters")
        }
        let started = Date()
        let loaded = try await repo.load(id)
        guard loaded.state.type == .coding else { throw MockLoopError(.conflict, "only coding mocks run code") }
        guard !loaded.state.status.isOver else { throw MockLoopError(.conflict, "this practice session has ended") }
        guard let runner else { throw MockLoopError(.sandboxUnavailable, "the code runner is not available here") }
        if let input = body.input {
            let question = try await context(loaded.state).question(loaded.state.questionId)
            let report = try await Self.runWithInput(input, code: body.code ?? "", language: language, question: question, runner: runner)
            return try await mutate(id, now: now.addingTimeInterval(Date().timeIntervalSince(started))) { state, question, clock in
                state.code = body.code ?? ""
                state.language = language
                state.turns.append(
                    PracticeTurn(
                        speaker: .candidate, kind: .run, text: Self.customRunText(input, report), at: clock, phase: state.phase.key))
                catchUp(&state, question: question, at: clock)
            }
        }
        let result = try await CodeRunService(runner: runner, db: db, userID: userID)
            .run(.init(language: language.rawValue, code: body.code, questionId: loaded.state.questionId, sessionId: id.uuidString))
        // The run took a while: it lands on the clock when it finished.
        return try await mutate(id, now: now.addingTimeInterval(Date().timeIntervalSince(started))) { state, question, clock in
            let r = result.report
            state.code = body.code ?? ""
            state.language = language
            // A run the sandbox itself failed says nothing about the code: shown, not counted.
            guard r.verdict != .internalError else {
                state.turns.append(
                    PracticeTurn(
                        speaker: .candidate, kind: .run,
                        text: "The run failed inside the sandbox, not in your code: \(r.message ?? "try again").",
                        at: clock, phase: state.phase.key))
                return
            }
            let failure = r.firstFailure.map {
                FailingCase(index: $0.index, input: Self.json($0.input), expected: Self.json($0.expected), actual: Self.json($0.actual))
            }
            state.runs.append(
                PracticeRun(
                    at: clock, runId: result.runId, language: language, verdict: r.verdict, passed: r.passed, total: r.tests.count,
                    compiled: r.compiled ?? true, failure: failure))
            var text =
                "Ran the tests: \(r.passed)/\(r.tests.count) passed (\(r.verdict.rawValue.replacingOccurrences(of: "_", with: " ")))."
            if let m = r.message { text += " \(m)" }
            if let f = failure { text += " First failing visible case: input \(f.input), expected \(f.expected), got \(f.actual)." }
            state.turns.append(PracticeTurn(speaker: .candidate, kind: .run, text: text, at: clock, phase: state.phase.key))
            catchUp(&state, question: question, at: clock)
        }
    }

    /// No expected value exists for the candidate's own input: the case expects a value no
    /// program returns, so the runner reports what came back as the "actual" of a failing case.
    static let noExpectedValue = "\u{1}mockloop:no-expected-value"

    static func runWithInput(
        _ input: String, code: String, language: Language, question: Question, runner: CodeRunner
    ) async throws
        -> RunReport
    {
        guard let tests = question.tests else { throw MockLoopError.invalid("input", "this question has no tests to run code against") }
        let custom: TestCase
        switch tests.mode {
        case .function:
            guard let args = try? JSONDecoder().decode(JSONValue.self, from: Data(input.utf8)), case .array = args else {
                throw MockLoopError.invalid("input", "must be the arguments as a JSON array, e.g. [[1, 2, 3], 4]")
            }
            custom = TestCase(args: args, expected: .string(noExpectedValue), hidden: false)
        case .stdio:
            custom = TestCase(stdin: input, stdout: noExpectedValue, hidden: false)
        }
        let once = CodeTests(mode: tests.mode, entryPoint: tests.entryPoint, compare: .exact, cases: [custom], limits: tests.limits)
        do {
            return try await runner.run(Submission(source: code, language: language, tests: once))
        } catch let error as RunnerError {
            throw error.asMockLoopError
        }
    }

    static func customRunText(_ input: String, _ r: RunReport) -> String {
        let shown = input.count > 200 ? String(input.prefix(199)) + "…" : input
        var text = "Ran with my input \(shown): "
        if let f = r.firstFailure {
            text += "output \(json(f.actual))."
        } else if r.compiled == false {
            text += "it did not compile. \(r.compileOutput ?? "")"
        } else {
            text += "\(r.verdict.rawValue.replacingOccurrences(of: "_", with: " ")). \(r.message ?? "")"
        }
        if let out = r.stdout, !out.isEmpty { text += " Printed: \(out.prefix(500))" }
        if let err = r.stderrTail, !err.isEmpty, r.firstFailure == nil { text += " Error output: \(err.suffix(500))" }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func json(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s.count > 300 ? String(s.prefix(299)) + "…" : s }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "?"
        return text.count > 300 ? String(text.prefix(299)) + "…" : text
    }
}
