import Fluent
import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// Runs a user's code against a question's tests (or tests given inline) and stores the run:
/// one path for the API, the session page and `mockloop run-code`.
public struct CodeRunService {
    public struct Request: Codable, Sendable {
        public var language: String?
        public var code: String?
        public var questionId: String?
        public var tests: CodeTests?
        public var sessionId: String?

        public init(language: String?, code: String?, questionId: String? = nil, tests: CodeTests? = nil, sessionId: String? = nil) {
            self.language = language
            self.code = code
            self.questionId = questionId
            self.tests = tests
            self.sessionId = sessionId
        }
    }

    /// The runner's report with where it was stored.
    public struct Result: Encodable, Sendable {
        public var runId: UUID?
        public var sessionId: UUID?
        public var questionId: String?
        public var report: RunReport

        enum Keys: String, CodingKey { case runId, sessionId, questionId }

        public func encode(to encoder: Encoder) throws {
            try report.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(runId, forKey: .runId)
            try c.encode(sessionId, forKey: .sessionId)
            try c.encode(questionId, forKey: .questionId)
        }
    }

    let runner: CodeRunner
    let db: Database
    let userID: UUID

    public init(runner: CodeRunner, db: Database, userID: UUID) {
        self.runner = runner
        self.db = db
        self.userID = userID
    }

    public func run(_ request: Request) async throws -> Result {
        var problems = FieldProblems()
        let parsedLanguage = Language.parse(request.language, field: "language", into: &problems)
        let code = request.code ?? ""
        if code.isEmpty { problems.add("code", "is missing") }
        switch (request.questionId?.isEmpty == false, request.tests != nil) {
        case (false, false): problems.add("questionId", "name a question, or give tests")
        case (true, true): problems.add("tests", "give either questionId or tests, not both")
        default: break
        }
        var sessionID: UUID?
        if let raw = request.sessionId, !raw.isEmpty {
            if let id = UUID(uuidString: raw) { sessionID = id } else { problems.add("sessionId", "must be a session id (got '\(raw)')") }
        }
        let language = try problems.checked(parsedLanguage, "language")
        if let sessionID { _ = try await SessionRepository(db: db, userID: userID).find(sessionID) }

        var tests: CodeTests
        if let id = request.questionId, !id.isEmpty {
            let question = try await QuestionRepository(db: db, userID: userID).find(id).question
            guard let questionTests = question.tests else {
                throw MockLoopError.invalid("questionId", "'\(id)' has no code tests (it is a \(question.type.label) question)")
            }
            tests = questionTests
        } else {
            tests = try problems.checked(request.tests, "tests")
        }
        let report: RunReport
        do {
            report = try await runner.run(Submission(source: code, language: language, tests: tests))
        } catch let error as RunnerError {
            throw error.asMockLoopError
        }
        // A run the sandbox failed says nothing about the user's code: it is not counted.
        guard report.verdict != .internalError else { return Result(sessionId: sessionID, questionId: request.questionId, report: report) }
        let stored = CodeRunRepository.Run(
            sessionId: sessionID, questionId: request.questionId, language: report.language,
            verdict: report.verdict, compiled: report.compiled, passed: report.passed,
            total: report.tests.count, totalMs: report.totalMs)
        try await CodeRunRepository(db: db, userID: userID).record(stored)
        return Result(runId: stored.id, sessionId: sessionID, questionId: request.questionId, report: report)
    }
}
