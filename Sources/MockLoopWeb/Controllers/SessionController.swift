import Foundation
import MockLoopCore
import MockLoopStore
import Vapor

/// Sessions: plan one with its rubric up front, start the clock, score, write the retro.
struct SessionController {
    struct DrillBody: Content {
        var done: Bool
    }

    func repo(_ req: Request) -> SessionRepository { SessionRepository(db: req.db, userID: req.userID) }
    func retros(_ req: Request) -> RetroRepository { RetroRepository(db: req.db, userID: req.userID) }

    // MARK: API

    func create(req: Request) async throws -> Response {
        let plan = try req.content.decode(SessionPlan.self)
        return try await repo(req).create(plan).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> LogEntry { try await repo(req).find(try req.sessionID()) }

    func start(req: Request) async throws -> LogEntry { try await repo(req).start(try req.sessionID()) }

    func scores(req: Request) async throws -> LogEntry {
        let id = try req.sessionID()
        _ = try await repo(req).find(id)  // an unknown session is a 404 before the body is judged
        return try await repo(req).finish(id, sheet: try req.content.decode(ScoreSheet.self))
    }

    func createRetro(req: Request) async throws -> Response {
        let id = try req.sessionID()
        _ = try await repo(req).find(id)
        let entry = try await retros(req).save(try req.content.decode(RetroDraft.self), sessionID: id)
        return try await entry.encodeResponse(status: .created, for: req)
    }

    func replaceRetro(req: Request) async throws -> LogEntry {
        let id = try req.sessionID()
        _ = try await repo(req).find(id)
        return try await retros(req).save(try req.content.decode(RetroDraft.self), sessionID: id, replace: true)
    }

    func drill(req: Request) async throws -> LogEntry {
        let id = try req.sessionID()
        _ = try await repo(req).find(id)
        return try await retros(req).setDrillDone(try req.content.decode(DrillBody.self).done, sessionID: id)
    }

    // MARK: Pages

    func newPage(req: Request) async throws -> View {
        let type = try req.queryEnum(InterviewType.self, "type") ?? .coding
        return try await req.view.render("session-new", try await newSessionPage(req, type: type, form: [:], problems: []))
    }

    func newSessionPage(
        _ req: Request, type: InterviewType, form: [String: String], problems: [FieldProblem]
    ) async throws -> SessionNewPage {
        let questions = try await QuestionRepository(db: req.db, userID: req.userID).all(type: type)
        let rubrics = try await RubricRepository(db: req.db, userID: req.userID).all(type: type)
        let last = try await repo(req).lastFix(type: type)
        return SessionNewPage(
            types: Option.list(InterviewType.self, selected: type.rawValue),
            modes: Option.list(SessionMode.self, selected: form["mode"] ?? SessionMode.peer.rawValue),
            tiers: Option.list(CompanyTier.self, selected: form["tier"] ?? "tier1"),
            levels: Option.list(Level.self, selected: form["level"] ?? "senior"),
            difficulties: Option.list(Difficulty.self, selected: form["difficulty"], blank: "Calibrated to my target"),
            rubrics: rubrics.map {
                Option(
                    value: $0.rubric.id, label: $0.rubric.name + ($0.builtIn ? "" : " (mine)"), selected: $0.rubric.id == form["rubricId"])
            },
            questions: questions.map {
                .init(id: $0.id, label: "\($0.title) · \($0.difficulty.label)", selected: $0.id == form["questionId"])
            },
            typeValue: type.rawValue,
            lastFix: FixCard(last, rubric: try await rubric(of: last, req)),
            problems: problems)
    }

    /// Plans the session; with no question chosen, the picker chooses one for the target.
    func createPage(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        var problems = FieldProblems()
        let type = InterviewType.parse(form["type"], field: "type", into: &problems)
        let mode = SessionMode.parse(form["mode"], field: "mode", into: &problems)
        let tier = CompanyTier.parse(form["tier"], field: "tier", into: &problems, required: false)
        let level = Level.parse(form["level"], field: "level", into: &problems, required: false)
        let difficulty = Difficulty.parse(form["difficulty"], field: "difficulty", into: &problems, required: false)
        try problems.check()
        var plan = SessionPlan(
            type: type!, mode: mode!, rubricId: form["rubricId"], questionId: form["questionId"],
            questionTitle: form["questionTitle"], interviewer: form["interviewer"], company: form["company"],
            tier: tier, level: level, difficulty: nil, notes: form["notes"])
        if (plan.questionId ?? "").isEmpty && (plan.questionTitle ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            let questions = QuestionRepository(db: req.db, userID: req.userID)
            let picker = QuestionPicker(questions: try await questions.all(type: type))
            let pick = try picker.pick(
                filter: QuestionFilter(type: type, difficulty: difficulty, level: level, tier: tier),
                seen: try await questions.seenIDs(), includeSeen: form["includeSeen"] == "on",
                seed: UInt64.random(in: 0...UInt64.max))
            plan.questionId = pick.question.id
        }
        let entry = try await repo(req).create(plan)
        return req.redirect("/sessions/\(entry.id.uuidString.lowercased())")
    }

    func showPage(req: Request) async throws -> View {
        try await req.view.render("session", try await SessionPageBuilder(req: req).page(try req.sessionID()))
    }

    func startPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        _ = try await repo(req).start(id)
        return req.redirect("/sessions/\(id.uuidString.lowercased())#scores")
    }

    func scoresPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let form = try req.content.decode([String: String].self)
        let sheet = try ScoreForm(form).sheet()
        _ = try await repo(req).finish(id, sheet: sheet)
        return req.redirect("/sessions/\(id.uuidString.lowercased())#retro")
    }

    func retroPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let form = try req.content.decode([String: String].self)
        let draft = RetroDraft(
            wentWell: form["wentWell"], wentWrong: form["wentWrong"],
            priorityFix: PriorityFix(dimension: form["fixDimension"] ?? "", text: form["fix"] ?? ""),
            drill: form["drill"])
        _ = try await retros(req).save(draft, sessionID: id, replace: form["replace"] == "1")
        return req.redirect("/sessions/\(id.uuidString.lowercased())#retro")
    }

    func drillPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let done = (try? req.content.get(String.self, at: "done")) == "1"
        _ = try await retros(req).setDrillDone(done, sessionID: id)
        return req.redirect(
            req.headers.first(name: .referer).flatMap { URL(string: $0)?.path } ?? "/sessions/\(id.uuidString.lowercased())")
    }

    private func rubric(of entry: LogEntry?, _ req: Request) async throws -> Rubric? {
        guard let entry else { return nil }
        return try await repo(req).rubric(of: entry)
    }
}
