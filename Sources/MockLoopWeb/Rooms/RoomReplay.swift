import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// After the mock (or during it): the code played back change by change on a timeline, the way
/// a pad is played back, and the whiteboard as an SVG file. Both seats may open them while the
/// room is open; the candidate keeps them with the session afterwards.
struct RoomReplay {
    let rooms: RoomController

    struct Step: Encodable {
        /// Seconds from the room's first event.
        var t: Double
        var at: Int
        var del: Int
        var ins: String
    }

    struct Page: Encodable {
        var title: String
        var roomId: String
        var steps: String
        var changes: Int
        var hasBoard: Bool
        /// The interviewer's own retrospective (only their view of the room holds it).
        var reflection: Reflection?
    }

    struct Reflection: Encodable {
        var wentWell, nextTime: String
    }

    func page(req: Request) async throws -> View {
        let (room, role) = try await rooms.seat(req, record: true)
        let events = try await RoomRepository(db: req.db).allEvents(try room.requireID(), for: role)
        let start = events.first?.at ?? room.createdAt
        let steps = events.compactMap { e -> Step? in
            guard e.kind == .code, case .object(let o) = e.body, case .int(let at)? = o["at"], case .int(let del)? = o["del"],
                case .string(let ins)? = o["ins"]
            else { return nil }
            return Step(t: (e.at.timeIntervalSince(start) * 10).rounded() / 10, at: at, del: del, ins: ins)
        }
        let json = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        let question = try? await RoomService(db: req.db, services: rooms.services).question(of: room)
        return try await req.view.render(
            "room-replay",
            Page(
                title: "Replay · \(question?.title ?? "live room")", roomId: try room.requireID().uuidString.lowercased(), steps: json,
                changes: steps.count, hasBoard: events.contains { $0.kind == .draw }, reflection: Self.reflection(events)))
    }

    static func reflection(_ events: [RoomEvent]) -> Reflection? {
        guard let last = events.last(where: { $0.kind == .reflected }), case .object(let o) = last.body,
            case .string(let well)? = o["wentWell"], case .string(let next)? = o["nextTime"]
        else { return nil }
        return Reflection(wentWell: well, nextTime: next)
    }

    func whiteboard(req: Request) async throws -> Response {
        let (room, role) = try await rooms.seat(req, record: true)
        let events = try await RoomRepository(db: req.db).allEvents(try room.requireID(), for: role)
        return download(Whiteboard(events: events).svg, type: "image/svg+xml", filename: "whiteboard.svg")
    }
}
