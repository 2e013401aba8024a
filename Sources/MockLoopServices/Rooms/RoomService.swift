import Fluent
import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// Runs live rooms for both front ends of a room: opening and joining, carrying out each
/// command a seat sends (stored and numbered first, then announced to every socket), running
/// the candidate's code in the sandbox, and the end of the mock, which lands the session with
/// the interviewer's scores in the candidate's log.
public struct RoomService: Sendable {
    let db: Database
    let services: AppServices

    public init(db: Database, services: AppServices) {
        self.db = db
        self.services = services
    }

    var repo: RoomRepository { RoomRepository(db: db) }

    /// Through the instance's writer (many commands to a commit) when it has one.
    /// `fresh`: the command cannot be a resend (see `RoomRepository.Pending`).
    func append(
        _ roomID: UUID, clientKey: String?, by role: RoomRole?, now: Date, fresh: Bool = false,
        decide: @escaping @Sendable (inout RoomState, RoomModel) throws -> [RoomEventDraft]
    ) async throws -> RoomWriter.Result {
        if let writer = services.roomWriter {
            return try await writer.append(roomID, clientKey: clientKey, by: role, now: now, fresh: fresh, decide: decide)
        }
        return try await repo.append(roomID, clientKey: clientKey, by: role, now: now, decide: decide)
    }

    public func open(_ plan: RoomPlan, candidate: UUID, now: Date = Date()) async throws -> (room: RoomModel, joinToken: String) {
        try await repo.deleteExpired(now: now)
        return try await repo.create(plan, candidate: candidate, now: now)
    }

    public func question(of room: RoomModel) async throws -> Question {
        try await QuestionRepository(db: db, userID: room.candidateID).find(room.questionID).question
    }

    /// What a seat is told when its socket opens.
    public func welcome(_ room: RoomModel, role: RoomRole, question: Question, now: Date = Date()) async throws -> RoomWelcome {
        let state = try RoomRepository.state(room)
        let rubric = try await RubricRepository(db: db, userID: room.candidateID).find(room.rubricID).rubric
        let candidate = try await UserModel.find(room.candidateID, on: db)?.name ?? "Candidate"
        var fix: RoomWelcome.Fix?
        if role == .candidate || room.showFix,
            let last = try await SessionRepository(db: db, userID: room.candidateID).lastFix(
                type: InterviewType(rawValue: room.type) ?? .coding, excluding: room.sessionID),
            let retro = last.retro
        {
            fix = .init(dimension: retro.priorityFix.dimension, text: retro.priorityFix.text, drill: retro.drill.text)
        }
        return RoomWelcome(
            room: try room.requireID(), role: role, candidate: candidate, interviewer: room.interviewerName,
            type: question.type, title: question.title, rubric: rubric, minutes: state.clock.minutes, phases: state.clock.phases,
            language: state.language, canRun: question.tests != nil && services.runner.status.available, lastSeq: room.lastSeq,
            serverTime: now, iceServers: services.config.rooms.iceServers,
            brief: role == .interviewer
                ? .init(prompt: question.prompt, followUps: question.followUps, hints: question.hints, keyPoints: question.keyPoints)
                : nil,
            lastFix: fix, sessionId: role == .candidate ? room.sessionID : nil, canSwap: room.interviewerID != nil,
            next: room.nextRoomID)
    }

    /// The key a client's command is stored under, unique in its room: a resend finds it.
    static func clientKey(_ client: String, _ cid: Int) -> String { "\(client.prefix(40)):\(cid)" }

    /// Whether the room holds any command of this client (then its socket's commands may be resends).
    public func hasStored(_ roomID: UUID, client: String) async throws -> Bool {
        try await repo.hasStored(roomID, keyPrefix: Self.clientKey(client, 0).dropLast())
    }

    /// Carries out one command from a seat: returns the events stored (announced to every
    /// socket) and whether it was a resend already stored. `fresh`: from a client that had
    /// stored nothing in the room when its socket opened.
    public func perform(
        _ command: RoomCommand, room roomID: UUID, role: RoomRole, seat: RoomRepository.Seat, client: String, question: Question,
        fresh: Bool = false, now: Date = Date()
    ) async throws -> (events: [RoomEvent], duplicate: Bool) {
        if [.run, .end, .swap, .rate].contains(command.kind) {
            _ = try await repo.find(roomID, user: seat.user, guestToken: seat.guestToken, now: now)
        }
        let key = Self.clientKey(client, command.cid)
        let result: (events: [RoomEvent], duplicate: Bool)
        switch command.kind {
        case .run: result = try await run(command, roomID, role: role, key: key, question: question, now: now)
        case .end: result = try await end(command, roomID, role: role, key: key, now: now)
        case .swap: result = try await swap(roomID, role: role, key: key, now: now)
        case .rate:
            guard role == .candidate else { throw MockLoopError(.forbidden, "the interviewer cannot 'rate' in a room") }
            result = try await rate(command, roomID, role: role, key: key, now: now)
        default:
            result = try await append(roomID, clientKey: key, by: role, now: now, fresh: fresh) { state, m in
                guard RoomRepository.holds(m, seat, as: role, now: now) else { throw MockLoopError.notFound("room") }
                return try state.apply(command, by: role, question: question, now: now)
            }
            if command.kind == .start, !result.duplicate, let room = try await RoomModel.find(roomID, on: db) {
                // The log's date becomes the moment the clock started.
                _ = try? await SessionRepository(db: db, userID: room.candidateID).start(room.sessionID, now: now)
            }
        }
        if !result.duplicate, !result.events.isEmpty { await services.roomHub.publish(roomID, .stored(result.events)) }
        return result
    }

    /// Someone arrived or left: told to both seats, so each sees who is present.
    public func presence(_ kind: RoomEvent.Kind, room roomID: UUID, role: RoomRole, name: String, now: Date = Date()) async throws {
        let result = try await append(roomID, clientKey: nil, by: role, now: now) { _, _ in
            [RoomEventDraft(kind, to: .both, .object(["name": .string(name)]))]
        }
        await services.roomHub.publish(roomID, .stored(result.events))
    }

    /// "Run tests": the candidate's code as the room holds it, in the sandbox, recorded on the
    /// candidate's session; the result goes to both seats.
    func run(
        _ command: RoomCommand, _ roomID: UUID, role: RoomRole, key: String, question: Question, now: Date
    ) async throws
        -> (events: [RoomEvent], duplicate: Bool)
    {
        guard let room = try await RoomModel.find(roomID, on: db) else { throw MockLoopError.notFound("room") }
        let state = try RoomRepository.state(room)
        guard !state.ended else { throw MockLoopError(.conflict, "this mock has ended") }
        guard question.tests != nil, let language = state.language else {
            throw MockLoopError(.conflict, "this question has no tests to run")
        }
        guard services.runner.status.available else { throw MockLoopError(.sandboxUnavailable, "the code runner is not available here") }
        let result = try await CodeRunService(runner: services.runner, db: db, userID: room.candidateID)
            .run(.init(language: language.rawValue, code: state.code, questionId: question.id, sessionId: room.sessionID.uuidString))
        let r = result.report
        var body: [String: JSONValue] = [
            "verdict": .string(r.verdict.rawValue), "passed": .int(r.passed), "total": .int(r.tests.count),
            "message": r.message.map(JSONValue.string) ?? .null,
        ]
        if let f = r.firstFailure, !(r.tests.first { $0.index == f.index }?.hidden ?? true) {
            body["failure"] = .object([
                "index": .int(f.index), "input": .string(Self.json(f.input)), "expected": .string(Self.json(f.expected)),
                "actual": .string(Self.json(f.actual)),
            ])
        }
        let finished = now.addingTimeInterval(Date().timeIntervalSince(now))
        let outcome = body
        return try await append(roomID, clientKey: key, by: role, now: finished) { state, _ in
            var body = outcome
            body["clock"] = .double((state.clock.elapsed(at: finished) * 10).rounded() / 10)
            return [RoomEventDraft(.run, to: .both, .object(body))]
        }
    }

    static func json<T: Encodable>(_ value: T?) -> String {
        guard let value, let data = try? JSONEncoder().encode(value) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The interviewer ends the mock with a score for every dimension and the three answers:
    /// in one transaction the clock stops, the scores and feedback land on the candidate's
    /// session (with duration, hints and pauses), and both seats hear it ended.
    func end(
        _ command: RoomCommand, _ roomID: UUID, role: RoomRole, key: String, now: Date
    ) async throws
        -> (events: [RoomEvent], duplicate: Bool)
    {
        guard role == .interviewer else { throw MockLoopError(.forbidden, "the candidate cannot 'end' in a room") }
        return try await db.transaction { db in
            let repo = RoomRepository(db: db)
            try await repo.lock(roomID)
            guard let room = try await RoomModel.find(roomID, on: db) else { throw MockLoopError.notFound("room") }
            let name = room.interviewerName ?? "Interviewer"
            var feedback = command.feedback ?? PartnerFeedback(name: name, stronger: "", communication: "", concerns: "")
            feedback.name = name
            let result = try await repo.append(roomID, clientKey: key, by: role, now: now) { state, _ in
                guard !state.ended else { throw MockLoopError(.conflict, "this mock has ended") }
                state.clock.end(at: now)
                return [
                    state.clockEvent(),
                    RoomEventDraft(.ended, to: .both, .object(["sessionId": .string(room.sessionID.uuidString.lowercased())])),
                ]
            }
            guard !result.duplicate else { return result }
            let state = try RoomRepository.state(try await RoomModel.find(roomID, on: db) ?? room)
            let sessions = SessionRepository(db: db, userID: room.candidateID)
            _ = try await sessions.recordPartnerScores(room.sessionID, scores: command.scores ?? [:], feedback: feedback, now: now)
            try await sessions.recordRoom(
                room.sessionID, interviewer: name, minutes: state.clock.minutesElapsed(at: now), hints: state.hints,
                pauses: state.clock.pauses)
            room.expiresAt = now.addingTimeInterval(services.config.rooms.keepAfterEnd)
            room.endedAt = now
            try await room.update(on: db)
            try await PartnerLedger(db: db).refresh([room.candidateID] + (room.interviewerID.map { [$0] } ?? []))
            return result
        }
    }
}
