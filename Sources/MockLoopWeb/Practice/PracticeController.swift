import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Timed AI mocks over HTTP: `/api/v1/practice…` (JSON) and the `/practice` pages, which drive
/// the same API from the browser.
struct PracticeController {
    let services: AppServices

    func practice(_ req: Request) throws -> PracticeService { services.practice(db: req.db, userID: try req.actingUser()) }

    func start(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Start.self)
        let view = try await try practice(req).start(body)
        let response = try JSONResponse.encode(view, status: .created)
        response.headers.replaceOrAdd(name: .location, value: SiteURL.apiPractice(view.id).path)
        return response
    }

    /// `GET /api/v1/practice/brief?type=&minutes=`: what the candidate reads before the clock
    /// starts (the rubric, the checklist, the phases, the last fix to watch).
    func brief(req: Request) async throws -> Response {
        guard let type = try req.queryEnum(InterviewType.self, "type") else { throw MockLoopError.invalid("type", "is required") }
        let minutes = try req.queryInt("minutes")
        if let minutes, !PhasePlan.minuteRange.contains(minutes) {
            throw MockLoopError.invalid("minutes", "must be 10–120 (got \(minutes))")
        }
        return try JSONResponse.encode(try await PracticeBrief.load(type, minutes: minutes, db: req.db, userID: try req.actingUser()))
    }

    func show(req: Request) async throws -> Response { try JSONResponse.encode(try await try practice(req).show(try req.sessionID())) }

    func answer(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Answer.self)
        return try JSONResponse.encode(try await try practice(req).answer(try req.sessionID(), body))
    }

    func code(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Code.self)
        return try JSONResponse.encode(try await try practice(req).saveCode(try req.sessionID(), body))
    }

    func run(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Code.self)
        return try JSONResponse.encode(try await try practice(req).run(try req.sessionID(), body))
    }

    /// hint, pause, resume, next, skip, finish, quit: actions without a body.
    func action(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let service = try practice(req)
        let view: PracticeView
        switch req.parameters.get("action") ?? "" {
        case "hint": view = try await service.hint(id)
        case "pause": view = try await service.pause(id)
        case "resume": view = try await service.resume(id)
        case "next": view = try await service.next(id)
        case "skip": view = try await service.skip(id)
        case "finish": view = try await service.done(id)
        case "quit": view = try await service.quit(id)
        case let other: throw MockLoopError.notFound("practice action '\(other)' (hint, pause, resume, next, skip, finish, quit)")
        }
        return try JSONResponse.encode(view)
    }

    // MARK: pages

    func newPage(req: Request) async throws -> View {
        try await req.view.render("practice-new", PracticeSetupPage.build(req: req, voice: services.voice.name))
    }

    /// The setup form posts here; the live page then runs on the JSON API.
    func startPage(req: Request) async throws -> Response {
        let form = try req.content.decode(PracticeSetupPage.Form.self)
        do {
            let view = try await try practice(req).start(form.request)
            return req.redirect(SiteURL.practice(view.id).path)
        } catch let e as MockLoopError where e.kind == .invalid {
            let page = try await PracticeSetupPage.build(req: req, voice: services.voice.name, posted: form, errors: e.fields)
            return try await req.view.render("practice-new", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    func livePage(req: Request) async throws -> View {
        let view = try await try practice(req).show(try req.sessionID())
        let saved = try await SessionRepository(db: req.db, userID: try req.actingUser()).find(view.id).retro != nil
        return try await req.view.render("practice", PracticeLivePage(view, retroSaved: saved))
    }
}
