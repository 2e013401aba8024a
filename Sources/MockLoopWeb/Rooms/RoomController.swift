import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Live rooms in the browser. The candidate opens one (from a planned session or here) and
/// passes the join link; the interviewer joins with it — signed in, or as a guest with a name,
/// whose seat is a cookie for that room alone. The room page itself runs on its WebSocket.
/// A room is found only by its two seats: anyone else gets a 404.
struct RoomController {
    let services: AppServices

    static let seatCookie = "mockloop_seat"

    func rooms(_ req: Request) -> RoomService { RoomService(db: req.db, services: services) }

    var secureCookies: Bool { services.config.publicURL?.scheme == "https" }

    func newPage(req: Request) async throws -> View {
        try await render(req, form: RoomForm(sessionId: req.query[String.self, at: "session"], showFix: "on"), errors: [:])
    }

    func render(_ req: Request, form: RoomForm, errors: [String: String]) async throws -> View {
        let user = try req.actingUser()
        let questions = try await QuestionRepository(db: req.db, userID: user).all()
        var session: NewRoomPage.Session?
        if let id = form.sessionId.nonEmpty.flatMap(UUID.init(uuidString:)),
            let entry = try? await SessionRepository(db: req.db, userID: user).find(id)
        {
            session = .init(id: id.uuidString.lowercased(), title: entry.questionTitle ?? entry.type.label, mode: entry.mode.label)
        }
        return try await req.view.render(
            "room-new",
            NewRoomPage(
                form: form, errors: errors, session: session,
                questions: questions.sorted { ($0.type.rawValue, $0.title) < ($1.type.rawValue, $1.title) }.map {
                    .init(
                        id: $0.id, label: "\($0.type.label) · \($0.title) (\($0.difficulty.rawValue))", selected: $0.id == form.questionId)
                },
                languages: Language.allCases.map {
                    .init(id: $0.rawValue, label: $0.label, selected: $0.rawValue == (form.language ?? "python"))
                }))
    }

    func create(req: Request) async throws -> Response {
        let form = try req.content.decode(RoomForm.self)
        do {
            let plan = try form.plan()
            let (room, token) = try await rooms(req).open(plan, candidate: try req.actingUser())
            // The join link is shown once, from the fragment: it never reaches a server log.
            return req.redirect("/rooms/\(try room.requireID().uuidString.lowercased())#join=\(token)")
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await render(req, form: form, errors: e.fields.isEmpty ? ["questionId": e.message] : e.fields)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// A new join link (the old one stops working), while the interviewer's seat is free.
    func newLink(req: Request) async throws -> Response {
        let (room, role) = try await seat(req)
        guard role == .candidate, room.endedAt == nil else { throw MockLoopError.notFound("room") }
        guard room.interviewerID == nil, room.guestHash == nil else {
            throw MockLoopError(.conflict, "The interviewer has joined: the link is no longer needed.")
        }
        let token = SecretToken.make(prefix: RoomRepository.joinPrefix)
        room.joinHash = SecretToken.hash(token)
        try await room.update(on: req.db)
        return req.redirect("/rooms/\(try room.requireID().uuidString.lowercased())#join=\(token)")
    }

    func roomPage(req: Request) async throws -> View {
        let (room, role) = try await seat(req)
        let type = InterviewType(rawValue: room.type) ?? .coding
        let id = try room.requireID().uuidString.lowercased()
        return try await req.view.render(
            "room",
            RoomPage(
                title: "Live room", roomId: id, role: role.rawValue, isInterviewer: role == .interviewer, isCoding: type == .coding,
                isDesign: type != .coding && type != .behavioral, ended: room.endedAt != nil,
                sessionPath: role == .candidate ? "/sessions/\(room.sessionID.uuidString.lowercased())" : nil,
                waiting: room.interviewerID == nil && room.guestHash == nil))
    }

    func joinPage(req: Request) async throws -> Response {
        let room = try await joinable(req)
        // With accounts, someone already seated goes straight in. Without, everyone acts as the
        // owner, so the link always offers the guest's seat (the seat cookie is the room's own).
        if let user = accountUser(req), RoomRepository.seat(room, user: user, guestToken: nil) != nil {
            return req.redirect("/rooms/\(try room.requireID().uuidString.lowercased())")
        }
        return try await joinForm(req, room: room, name: "", errors: [:]).encodeResponse(for: req)
    }

    /// The room a join link opens. Someone the candidate blocked, or who blocked them, finds
    /// no room there, as with a wrong link.
    func joinable(_ req: Request) async throws -> RoomModel {
        guard let token = req.parameters.get("token"), let room = try await RoomRepository(db: req.db).open(joinToken: token) else {
            throw MockLoopError.notFound("room")
        }
        if let user = accountUser(req), try await PartnerSafety(db: req.db, userID: user).blockedEitherWay(room.candidateID) {
            throw MockLoopError.notFound("room")
        }
        return room
    }

    func joinForm(_ req: Request, room: RoomModel, name: String, errors: [String: String]) async throws -> View {
        let candidate = try await UserModel.find(room.candidateID, on: req.db)?.name ?? "The candidate"
        let question = try? await rooms(req).question(of: room)
        return try await req.view.render(
            "room-join",
            JoinPage(
                title: "Join a live room", candidate: candidate, type: (InterviewType(rawValue: room.type) ?? .coding).label,
                question: question?.title ?? "", asGuest: accountUser(req) == nil, name: name, errors: errors))
    }

    func join(req: Request) async throws -> Response {
        let room = try await joinable(req)
        let name = (try? req.content.get(String.self, at: "name")) ?? ""
        let id = try room.requireID().uuidString.lowercased()
        do {
            guard let seatToken = try await RoomRepository(db: req.db).takeInterviewerSeat(room, user: accountUser(req), name: name)
            else { return req.redirect("/rooms/\(id)") }
            let response = req.redirect("/rooms/\(id)")
            response.cookies[Self.seatCookie] = HTTPCookies.Value(
                string: seatToken, expires: room.expiresAt, path: "/rooms/\(id)", isSecure: secureCookies, isHTTPOnly: true,
                sameSite: .strict)
            return response
        } catch let e as MockLoopError where e.kind == .invalid {
            return try await joinForm(req, room: room, name: name, errors: e.fields).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }

    /// The room's socket: the seat is checked before the upgrade, so a stranger gets a plain 404.
    func socket(req: Request) async throws -> Response {
        let (room, role) = try await seat(req)
        let name =
            role == .interviewer
            ? (room.interviewerName ?? "Interviewer") : (try await UserModel.find(room.candidateID, on: req.db)?.name ?? "Candidate")
        let (roomID, user, guest, db, services, logger) = (
            try room.requireID(), signedInUser(req), guestToken(req, room), req.db, services, req.logger
        )
        return req.boundedWebSocket(maxMessage: RoomSocket.maxMessage) { ws in
            let socket = RoomSocket(
                ws: ws, roomID: roomID, role: role, name: name, user: user, guestToken: guest, db: db, services: services, logger: logger)
            let messages = RoomSocket.messages(ws)
            Task { await socket.run(messages) }
        }
    }

    /// The seat the request holds in the room named by the path, or a 404.
    /// `record`: for the replay and the whiteboard, which the candidate keeps after the room closes.
    func seat(_ req: Request, record: Bool = false) async throws -> (RoomModel, RoomRole) {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { throw MockLoopError.notFound("room") }
        guard let room = try await RoomModel.find(id, on: req.db) else { throw MockLoopError.notFound("room") }
        let found = try await RoomRepository(db: req.db).find(
            id, user: signedInUser(req), guestToken: guestToken(req, room), record: record)
        return (found.room, found.role)
    }

    /// On an instance without accounts every request acts as the owner, who is the candidate:
    /// the guest's cookie is what tells the interviewer apart.
    func signedInUser(_ req: Request) -> UUID? {
        if req.application.storage[AccountsOnKey.self] == true { return req.signedIn?.userID }
        return req.storage[ActingUserKey.self]
    }

    /// The signed-in user on an instance with accounts; nil without accounts.
    func accountUser(_ req: Request) -> UUID? {
        req.application.storage[AccountsOnKey.self] == true ? req.signedIn?.userID : nil
    }

    func guestToken(_ req: Request, _ room: RoomModel) -> String? {
        guard let value = req.cookies[Self.seatCookie]?.string, value.hasPrefix(RoomRepository.seatPrefix) else { return nil }
        return value
    }
}

/// The form that opens a room.
struct RoomForm: Content {
    var sessionId: String?
    var questionId: String?
    var minutes: String?
    var language: String?
    var showFix: String?

    func plan() throws -> RoomPlan {
        var problems = FieldProblems()
        var minutesValue: Int?
        if let raw = minutes.nonEmpty {
            if let m = Int(raw) { minutesValue = m } else { problems.add("minutes", "must be a whole number of minutes") }
        }
        var lang: Language?
        if let raw = language.nonEmpty {
            if let l = Language(rawValue: raw) { lang = l } else { problems.add("language", "is not a language the runner knows") }
        }
        try problems.check()
        let plan = RoomPlan(
            sessionId: sessionId.nonEmpty, questionId: questionId.nonEmpty, minutes: minutesValue, language: lang, showFix: showFix != nil)
        try plan.validate()
        return plan
    }
}

struct NewRoomPage: Encodable {
    struct Option: Encodable {
        var id: String
        var label: String
        var selected: Bool
    }

    struct Session: Encodable {
        var id: String
        var title: String
        var mode: String
    }

    var title = "Open a live room"
    var form: RoomForm
    var errors: [String: String]
    var session: Session?
    var questions: [Option]
    var languages: [Option]
}

struct RoomPage: Encodable {
    var title: String
    var roomId: String
    var role: String
    var isInterviewer: Bool
    var isCoding: Bool
    var isDesign: Bool
    var ended: Bool
    var sessionPath: String?
    var waiting: Bool
}

struct JoinPage: Encodable {
    var title: String
    var candidate: String
    var type: String
    var question: String
    var asGuest: Bool
    var name: String
    var errors: [String: String]
}
