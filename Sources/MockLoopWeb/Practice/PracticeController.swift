import Foundation
import MockLoopCore
import MockLoopStore
import Vapor

/// Timed AI mocks over HTTP: `/api/v1/practice…` (JSON) and the `/practice` pages, which drive
/// the same API from the browser.
struct PracticeController {
    func start(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Start.self)
        let view = try await req.practice.start(body)
        let response = try RunController.json(view)
        response.status = .created
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/practice/\(view.id.uuidString.lowercased())")
        return response
    }

    func show(req: Request) async throws -> Response { try RunController.json(try await req.practice.show(try req.sessionID())) }

    func answer(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Answer.self)
        return try RunController.json(try await req.practice.answer(try req.sessionID(), body))
    }

    func code(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Code.self)
        return try RunController.json(try await req.practice.saveCode(try req.sessionID(), body))
    }

    func run(req: Request) async throws -> Response {
        let body = try req.content.decode(PracticeRequest.Code.self)
        return try RunController.json(try await req.practice.run(try req.sessionID(), body))
    }

    /// hint, pause, resume, next, skip, finish, quit: actions without a body.
    func action(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let service = req.practice
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
        return try RunController.json(view)
    }

    // MARK: pages

    func newPage(req: Request) async throws -> View {
        try await req.view.render("practice-new", PracticeSetupPage.build(req: req))
    }

    /// The setup form posts here; the live page then runs on the JSON API.
    func startPage(req: Request) async throws -> Response {
        let form = try req.content.decode(PracticeSetupPage.Form.self)
        let view = try await req.practice.start(form.request)
        return req.redirect("/practice/\(view.id.uuidString.lowercased())")
    }

    func livePage(req: Request) async throws -> View {
        let view = try await req.practice.show(try req.sessionID())
        let saved = try await SessionRepository(db: req.db, userID: req.userID).find(view.id).retro != nil
        return try await req.view.render("practice", PracticeLivePage(view, retroSaved: saved))
    }
}

struct VoiceKey: StorageKey { typealias Value = InterviewerVoice }

extension Request {
    var practice: PracticeService {
        PracticeService(
            db: db, userID: userID, runner: application.storage[RunnerKey.self],
            voice: application.storage[VoiceKey.self] ?? BuiltInVoice())
    }
}
