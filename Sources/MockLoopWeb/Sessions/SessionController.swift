import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Sessions: plan one with its rubric up front, start the clock, score, write the retro.
struct SessionController {
    struct DrillBody: Content {
        var done: Bool
    }

    let services: AppServices

    func repo(_ req: Request) throws -> SessionRepository { SessionRepository(db: req.db, userID: try req.actingUser()) }
    func retros(_ req: Request) throws -> RetroRepository { RetroRepository(db: req.db, userID: try req.actingUser()) }

    // MARK: API

    func create(req: Request) async throws -> Response {
        let plan = try req.content.decode(SessionPlan.self)
        return try await repo(req).create(plan).encodeResponse(status: .created, for: req)
    }

    func show(req: Request) async throws -> LogEntry { try await repo(req).find(try req.sessionID()) }

    func start(req: Request) async throws -> LogEntry { try await repo(req).start(try req.sessionID()) }

    func delete(req: Request) async throws -> HTTPStatus {
        try await repo(req).delete(try req.sessionID())
        return .noContent
    }

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

    /// The fields a type switch carries over (the rubric and question lists belong to a type).
    static let keptOnSwitch = ["mode", "interviewer", "company", "tier", "level", "difficulty", "questionTitle", "notes"]

    /// `?type=` switches the type and keeps what was typed (`keptOnSwitch`); tier and level
    /// start at the user's target, the rubric at the one last chosen for the type.
    func newPage(req: Request) async throws -> View {
        let target = try await TargetRepository(db: req.db, userID: try req.actingUser()).current()
        let type = try req.queryEnum(InterviewType.self, "type") ?? target.firstType()
        var form: [String: String] = [:]
        for key in Self.keptOnSwitch { form[key] = req.query[String.self, at: key] }
        if let mode = try req.queryEnum(SessionMode.self, "mode") { form["mode"] = mode.rawValue }
        form["questionId"] = req.query[String.self, at: "questionId"]  // a question page's "Practise"
        return try await req.view.render(
            "session-new", try await newSessionPage(req, type: type, form: form, problems: [:], target: target))
    }

    func newSessionPage(
        _ req: Request, type: InterviewType, form: [String: String], problems: [String: String], target known: Target? = nil
    ) async throws
        -> SessionNewPage
    {
        let user = try req.actingUser()
        let targets = TargetRepository(db: req.db, userID: user)
        var target = known ?? .assumed
        if known == nil { target = try await targets.current() }  // the type switch read it already
        var form = form
        form["tier"] = form["tier"].nonEmpty ?? target.tier.rawValue
        form["level"] = form["level"].nonEmpty ?? target.level.rawValue
        form["company"] = form["company"] ?? target.company
        if form["rubricId"].nonEmpty == nil { form["rubricId"] = try await targets.rubricChoice(for: type) }
        let last = try await repo(req).lastFix(type: type)
        return SessionNewPage(
            type: type, form: form, problems: problems,
            questions: try await QuestionRepository(db: req.db, userID: user).all(type: type),
            rubrics: try await RubricRepository(db: req.db, userID: user).all(type: type),
            lastFix: last, lastRubric: try await last.asyncMap { try await repo(req).rubric(of: $0) })
    }

    /// Plans the session; with no question chosen, the picker chooses one for the target. Bad
    /// input comes back as the form, with what was typed and the problems.
    /// Mode "AI interviewer" goes to the timed AI mock with the type, target and question.
    func createPage(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        do {
            if let practice = try Self.practiceURL(form) { return req.redirect(practice) }
            let entry = try await plan(form, req: req)
            if form["rubricId"].nonEmpty != nil {
                try await TargetRepository(db: req.db, userID: try req.actingUser()).rememberRubric(entry.rubricId, for: entry.type)
            }
            return req.redirect(SiteURL.session(entry.id).path)
        } catch let e as MockLoopError where e.kind == .invalid {
            let type = InterviewType(loose: form["type"] ?? "") ?? .coding
            let page = try await newSessionPage(req, type: type, form: form, problems: e.fields)
            return try await req.view.render("session-new", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// Where a plan with mode "AI interviewer" goes instead: `/practice` with its choices.
    static func practiceURL(_ form: [String: String]) throws -> String? {
        guard SessionMode(loose: form["mode"] ?? "") == .ai, let type = InterviewType(loose: form["type"] ?? "") else { return nil }
        guard PhasePlan.practiceTypes.contains(type) else {
            throw MockLoopError.invalid(
                "mode",
                "the AI interviewer runs coding, system design and behavioral mocks; choose another mode for \(type.label.lowercased())")
        }
        var items = URLComponents()
        items.queryItems =
            [URLQueryItem(name: "type", value: type.rawValue)]
            + (form["questionId"].nonEmpty.map { [URLQueryItem(name: "question", value: $0)] } ?? [])
        return "/practice?" + (items.percentEncodedQuery ?? "")
    }

    func plan(_ form: [String: String], req: Request) async throws -> LogEntry {
        var problems = FieldProblems()
        let parsedType = InterviewType.parse(form["type"], field: "type", into: &problems)
        let mode = SessionMode.parse(form["mode"], field: "mode", into: &problems)
        let tier = CompanyTier.parse(form["tier"], field: "tier", into: &problems, required: false)
        let level = Level.parse(form["level"], field: "level", into: &problems, required: false)
        let difficulty = Difficulty.parse(form["difficulty"], field: "difficulty", into: &problems, required: false)
        let type = try problems.checked(parsedType, "type")
        var plan = SessionPlan(
            type: type, mode: try problems.checked(mode, "mode"), rubricId: form["rubricId"], questionId: form["questionId"],
            questionTitle: form["questionTitle"], interviewer: form["interviewer"], company: form["company"],
            tier: tier, level: level, difficulty: nil, notes: form["notes"])
        if (plan.questionId ?? "").isEmpty && (plan.questionTitle ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            let questions = QuestionRepository(db: req.db, userID: try req.actingUser())
            let picker = QuestionPicker(questions: try await questions.all(type: type))
            let pick = try picker.pick(
                filter: QuestionFilter(type: type, difficulty: difficulty, level: level, tier: tier),
                seen: try await questions.seenIDs(), includeSeen: form["includeSeen"] == "on",
                seed: UInt64.random(in: 0...UInt64.max))
            plan.questionId = pick.question.id
        }
        return try await repo(req).create(plan)
    }

    func showPage(req: Request) async throws -> View {
        let source = try await SessionPage.Source.load(try req.sessionID(), req: req, services: services)
        return try await req.view.render("session", SessionPage(source))
    }

    /// Deletes the session and all that hangs off it; the log then says so.
    func deletePage(req: Request) async throws -> Response {
        try await repo(req).delete(try req.sessionID())
        return req.redirect(SiteURL.log.query("deleted=1"))
    }

    func startPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        _ = try await repo(req).start(id)
        return req.redirect(SiteURL.session(id).anchored("scores"))
    }

    func scoresPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let form = try req.content.decode([String: String].self)
        do {
            _ = try await repo(req).finish(id, sheet: try ScoreForm(form).sheet())
            return req.redirect(SiteURL.session(id).anchored("retro"))
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await showAgain(id, .scores(form), errors: e.fields, req: req)
        }
    }

    func retroPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let form = try req.content.decode([String: String].self)
        let draft = RetroDraft(
            wentWell: form["wentWell"], wentWrong: form["wentWrong"],
            priorityFix: PriorityFix(dimension: form["fixDimension"] ?? "", text: form["fix"] ?? ""),
            drill: form["drill"])
        do {
            _ = try await retros(req).save(draft, sessionID: id, replace: form["replace"] == "1")
            return req.redirect(SiteURL.session(id).anchored("retro"))
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await showAgain(id, .retro(form), errors: e.fields, req: req)
        }
    }

    /// The session page again with the posted form's values and its problems beside the fields.
    func showAgain(_ id: UUID, _ posted: SessionPage.Posted, errors: [String: String], req: Request) async throws -> Response {
        var page = SessionPage(try await SessionPage.Source.load(id, req: req, services: services))
        page.keep(posted, errors: errors)
        return try await req.view.render("session", page).encodeResponse(status: .unprocessableEntity, for: req)
    }

    /// Marks the drill done from wherever its card was shown, and returns to that card; only to
    /// a path of this site.
    func drillPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let done = (try? req.content.get(String.self, at: "done")) == "1"
        _ = try await retros(req).setDrillDone(done, sessionID: id)
        let session = SiteURL.session(id)
        guard let back = SiteURL.localPath(req.headers.first(name: .referer), host: req.headers.first(name: .host)), back != session.path
        else { return req.redirect(session.anchored("retro")) }
        return req.redirect(back + "#fix-" + id.uuidString.lowercased())
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
