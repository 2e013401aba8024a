import Fluent
import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore

/// The actions of a terminal mock: one per command the candidate types. The terminal session
/// runs the same way on this machine's store and against a server.
enum PracticeAction: String {
    case hint, pause, resume, next, skip, finish, quit
}

/// What a terminal mock talks to: the practice service on this machine's store, or a server.
protocol PracticeDesk {
    func brief(_ type: InterviewType, minutes: Int?) async throws -> PracticeBrief
    func start(_ request: PracticeRequest.Start) async throws -> PracticeView
    func show(_ id: UUID) async throws -> PracticeView
    func answer(_ id: UUID, _ text: String) async throws -> PracticeView
    func act(_ id: UUID, _ action: PracticeAction) async throws -> PracticeView
    func run(_ id: UUID, code: String, language: String) async throws -> PracticeView
    func saveRetro(_ draft: RetroDraft, sessionID: UUID) async throws
}

/// This machine's store.
struct LocalDesk: PracticeDesk {
    let service: PracticeService
    let db: Database
    let userID: UUID

    func brief(_ type: InterviewType, minutes: Int?) async throws -> PracticeBrief {
        try await PracticeBrief.load(type, minutes: minutes, db: db, userID: userID)
    }
    func start(_ request: PracticeRequest.Start) async throws -> PracticeView { try await service.start(request) }
    func show(_ id: UUID) async throws -> PracticeView { try await service.show(id) }
    func answer(_ id: UUID, _ text: String) async throws -> PracticeView { try await service.answer(id, .init(text: text)) }
    func act(_ id: UUID, _ action: PracticeAction) async throws -> PracticeView {
        switch action {
        case .hint: try await service.hint(id)
        case .pause: try await service.pause(id)
        case .resume: try await service.resume(id)
        case .next: try await service.next(id)
        case .skip: try await service.skip(id)
        case .finish: try await service.done(id)
        case .quit: try await service.quit(id)
        }
    }
    func run(_ id: UUID, code: String, language: String) async throws -> PracticeView {
        try await service.run(id, .init(code: code, language: language))
    }
    func saveRetro(_ draft: RetroDraft, sessionID: UUID) async throws {
        _ = try await RetroRepository(db: db, userID: userID).save(draft, sessionID: sessionID)
    }
}

/// A server's `/api/v1/practice`.
struct RemoteDesk: PracticeDesk {
    let api: RemoteAPI

    func brief(_ type: InterviewType, minutes: Int?) async throws -> PracticeBrief {
        try await api.get("practice/brief", query: [("type", type.rawValue), ("minutes", minutes.map(String.init))])
    }
    func start(_ request: PracticeRequest.Start) async throws -> PracticeView { try await api.post("practice", json: request) }
    func show(_ id: UUID) async throws -> PracticeView { try await api.get("practice/\(id.uuidString.lowercased())") }
    func answer(_ id: UUID, _ text: String) async throws -> PracticeView {
        // The client id makes a resent answer (after a dropped connection) a no-op on the server.
        try await api.post(
            "practice/\(id.uuidString.lowercased())/answers", json: PracticeRequest.Answer(text: text, clientId: UUID().uuidString))
    }
    func act(_ id: UUID, _ action: PracticeAction) async throws -> PracticeView {
        try await api.post("practice/\(id.uuidString.lowercased())/\(action.rawValue)")
    }
    func run(_ id: UUID, code: String, language: String) async throws -> PracticeView {
        try await api.post("practice/\(id.uuidString.lowercased())/run", json: PracticeRequest.Code(code: code, language: language))
    }
    func saveRetro(_ draft: RetroDraft, sessionID: UUID) async throws {
        _ = try await api.send(.POST, "sessions/\(sessionID.uuidString.lowercased())/retro", body: try RemoteAPI.json(draft))
    }
}
