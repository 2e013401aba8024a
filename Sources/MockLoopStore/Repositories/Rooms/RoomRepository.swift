import Fluent
import Foundation
import MockLoopCore
import SQLKit

/// Live rooms: opened by the candidate on their session, joined through a link, and the numbered
/// events both seats exchange. A room is reached only by its two seats: anyone else, whatever id
/// they try, finds nothing.
public struct RoomRepository {
    /// PostgreSQL channel that says "room R has events up to S" to every instance.
    public static let channel = "mockloop_rooms"
    public static let joinPrefix = "mlj_"
    public static let seatPrefix = "mlg_"
    /// A room that never ends is kept this long after it was opened.
    public static let unendedLifetime: TimeInterval = 7 * 86400

    let db: Database

    public init(db: Database) { self.db = db }

    /// Opens a room on the candidate's planned session (or on a new peer session for the
    /// question). The join link's token is returned once; only its hash is kept.
    public func create(_ plan: RoomPlan, candidate: UUID, now: Date = Date()) async throws -> (room: RoomModel, joinToken: String) {
        try plan.validate()
        let sessions = SessionRepository(db: db, userID: candidate)
        let questions = QuestionRepository(db: db, userID: candidate)
        var session: LogEntry
        if let id = plan.sessionId.nonEmpty {
            guard let uuid = UUID(uuidString: id) else { throw MockLoopError.notFound("session \(id)") }
            session = try await sessions.find(uuid)
            guard session.status == .planned else {
                throw MockLoopError.invalid("sessionId", "a room opens on a planned session; this one is \(session.status.rawValue)")
            }
            guard RoomPlan.modes.contains(session.mode) else {
                throw MockLoopError.invalid(
                    "sessionId", "a room is for a mock with a person (peer, friend, paid pro or real), not \(session.mode.label)")
            }
        } else {
            guard let qid = plan.questionId.nonEmpty else { throw MockLoopError.invalid("questionId", "choose a question for the room") }
            let question = try await Self.question(qid, questions)
            session = try await sessions.create(SessionPlan(type: question.type, mode: .peer, questionId: question.id), now: now)
        }
        guard let qid = plan.questionId.nonEmpty ?? session.questionId else {
            throw MockLoopError.invalid("questionId", "this session has no question from the bank: choose one for the room")
        }
        let question = try await Self.question(qid, questions)
        guard question.type == session.type else {
            throw MockLoopError.invalid(
                "questionId", "'\(qid)' is a \(question.type.rawValue) question, the session is \(session.type.rawValue)")
        }
        let minutes = plan.minutes ?? PhasePlan.defaultMinutes(question.type)
        let language = question.type == .coding ? (plan.language ?? .python) : nil
        let starter = language.flatMap { StarterCode(question: question, language: $0)?.text } ?? ""
        let state = RoomState(type: question.type, minutes: minutes, code: starter, language: language)
        // The starter code is the room's first event, so the code is always the sum of its events.
        let first = RoomEventDraft(.code, to: .both, .object(["at": .int(0), "del": .int(0), "ins": .string(starter), "cursor": .int(0)]))
        let token = SecretToken.make(prefix: Self.joinPrefix)
        let m = RoomModel()
        m.userID = candidate
        m.sessionID = session.id
        m.candidateID = candidate
        m.joinHash = SecretToken.hash(token)
        m.questionID = question.id
        m.rubricID = session.rubricId
        m.type = question.type.rawValue
        m.showFix = plan.showFix
        m.state = try Self.encode(state)
        m.lastSeq = 1
        m.createdAt = now
        m.expiresAt = now.addingTimeInterval(Self.unendedLifetime)
        try await db.transaction { db in
            try await m.create(on: db)
            try await Self.eventModel(first, room: try m.requireID(), seq: 1, by: nil, clientKey: nil, at: now).create(on: db)
        }
        return (m, token)
    }

    static func question(_ id: String, _ questions: QuestionRepository) async throws -> Question {
        do { return try await questions.find(id).question } catch { throw MockLoopError.invalid("questionId", "no question '\(id)'") }
    }

    /// The room, for one of its seats; anyone else gets "not found". `record`: what the room
    /// left (its replay and whiteboard), which the candidate keeps with their session after the
    /// room has closed, and a signed-in interviewer with the mocks they gave (a guest's seat
    /// closes with the room); the seats themselves close when it expires.
    public func find(
        _ id: UUID, user: UUID?, guestToken: String?, record: Bool = false, now: Date = Date()
    ) async throws -> (
        room: RoomModel, role: RoomRole
    ) {
        guard let m = try await RoomModel.find(id, on: db), let role = Self.seat(m, user: user, guestToken: guestToken),
            m.expiresAt > now || (record && m.endedAt != nil && (role == .candidate || (user != nil && user == m.interviewerID)))
        else { throw MockLoopError.notFound("room") }
        return (m, role)
    }

    /// The ended live room a session was held in, for its candidate: nil if there was none.
    public func record(ofSession session: UUID, candidate: UUID) async throws -> RoomModel? {
        try await RoomModel.query(on: db).filter(\.$sessionID == session).filter(\.$candidateID == candidate)
            .filter(\.$endedAt != nil).sort(\.$endedAt, .descending).first()
    }

    /// Who is asking: the signed-in user (or the owner, without accounts) and a guest's seat token.
    public struct Seat: Sendable {
        public var user: UUID?
        public var guestToken: String?

        public init(user: UUID?, guestToken: String?) {
            self.user = user
            self.guestToken = guestToken
        }
    }

    /// The room is still open and `seat` still holds `role` in it: checked on every command,
    /// inside its transaction, so an expired room or a seat given back stops there.
    public static func holds(_ m: RoomModel, _ seat: Seat, as role: RoomRole, now: Date) -> Bool {
        m.expiresAt > now && Self.seat(m, user: seat.user, guestToken: seat.guestToken) == role
    }

    /// Which seat a person holds: a guest's seat token first (on an instance without accounts
    /// both people act as its owner), then the signed-in user.
    public static func seat(_ m: RoomModel, user: UUID?, guestToken: String?) -> RoomRole? {
        if let guestToken, let hash = m.guestHash, SecretToken.hash(guestToken) == hash { return .interviewer }
        guard let user else { return nil }
        if user == m.candidateID { return .candidate }
        if user == m.interviewerID { return .interviewer }
        return nil
    }

    /// The room a join link opens, while it has not ended or expired.
    public func open(joinToken: String, now: Date = Date()) async throws -> RoomModel? {
        guard joinToken.hasPrefix(Self.joinPrefix),
            let m = try await RoomModel.query(on: db).filter(\.$joinHash == SecretToken.hash(joinToken)).first(),
            m.expiresAt > now, m.endedAt == nil
        else { return nil }
        return m
    }

    /// Takes the interviewer's seat: a signed-in user by their account, a guest by name (the seat
    /// token returned is theirs to keep in a cookie). A seat already taken by someone else is refused.
    public func takeInterviewerSeat(_ m: RoomModel, user: UUID?, name: String?) async throws -> String? {
        if let user, user == m.interviewerID { return nil }
        guard m.interviewerID == nil, m.guestHash == nil else {
            throw MockLoopError(.conflict, "This room already has its interviewer.")
        }
        if let user {
            guard user != m.candidateID else { throw MockLoopError(.conflict, "You are the candidate in this room.") }
            guard let account = try await UserModel.find(user, on: db) else { throw MockLoopError.notFound("user") }
            m.interviewerID = user
            m.interviewerName = account.name
            try await m.update(on: db)
            return nil
        }
        let trimmed = (name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = FieldProblems()
        if trimmed.isEmpty { problems.add("name", "is required: the candidate sees it, and it goes on their log") }
        if trimmed.count > 80 { problems.add("name", "must be at most 80 characters") }
        try problems.check()
        let token = SecretToken.make(prefix: Self.seatPrefix)
        m.guestHash = SecretToken.hash(token)
        m.interviewerName = trimmed
        try await m.update(on: db)
        return token
    }

    /// Stores what one command leads to, in one transaction: the room's state moves on and its
    /// events get the next numbers. A command already stored under `clientKey` (a resend after a
    /// lost acknowledgement) stores nothing and returns the numbers it got the first time.
    public func append(
        _ roomID: UUID, clientKey: String?, by role: RoomRole?, now: Date = Date(),
        decide: @escaping @Sendable (inout RoomState, RoomModel) throws -> [RoomEventDraft]
    ) async throws -> (events: [RoomEvent], duplicate: Bool) {
        // Two writers may race for the same number, or one command may arrive on two sockets (the
        // old one still draining after a cut): the loser's constraint failure means "look again".
        var attempt = 0
        while true {
            do {
                return try await appendOnce(roomID, clientKey: clientKey, by: role, now: now, decide: decide)
            } catch let e as DatabaseError where e.isConstraintFailure && attempt < 8 {
                attempt += 1
            }
        }
    }

    func appendOnce(
        _ roomID: UUID, clientKey: String?, by role: RoomRole?, now: Date,
        decide: @escaping @Sendable (inout RoomState, RoomModel) throws -> [RoomEventDraft]
    ) async throws -> (events: [RoomEvent], duplicate: Bool) {
        try await db.transaction { db in
            // A batch of one: the same statements, the same rules.
            let job = Pending(roomID: roomID, clientKey: clientKey, role: role, now: now, decide: decide)
            return try await RoomRepository(db: db).writeBatch([job], instance: nil)[0].get()
        }
    }

    /// Writers to one room queue on its row, taken with a write before anything is read: on
    /// PostgreSQL a row lock across instances; on SQLite the write lock, which a transaction that
    /// read first could only ask for later and be refused ("database is locked"). The first
    /// statement of every transaction that changes a room.
    public func lock(_ roomID: UUID) async throws {
        try await (db as! SQLDatabase).raw("UPDATE rooms SET last_seq = last_seq WHERE id = \(bind: roomID)").run()
    }

    /// Whether the room holds an event whose client key starts with `keyPrefix` (letters,
    /// digits, hyphens and the colon only: nothing LIKE would read as a wildcard).
    public func hasStored(_ roomID: UUID, keyPrefix: some StringProtocol) async throws -> Bool {
        try await RoomEventModel.query(on: db).filter(\.$roomID == roomID)
            .filter(\.$clientKey, .custom("LIKE"), String(keyPrefix) + "%").first() != nil
    }

    /// The room's events after `after` that `role` may see, oldest first.
    public func events(_ roomID: UUID, after: Int, for role: RoomRole, limit: Int = 20_000) async throws -> [RoomEvent] {
        let audiences = RoomAudience.allCases.filter { $0.reaches(role) }.map(\.rawValue)
        return try await RoomEventModel.query(on: db).filter(\.$roomID == roomID).filter(\.$seq > after)
            .filter(\.$audience ~~ audiences).sort(\.$seq).limit(limit).all().map(Self.event)
    }

    /// Every event, for the replay and the session's record (the candidate's own view excludes
    /// what only the interviewer saw).
    public func allEvents(_ roomID: UUID, for role: RoomRole) async throws -> [RoomEvent] {
        try await events(roomID, after: 0, for: role, limit: 1_000_000)
    }

    /// Rooms whose time is up without a mock held in them, removed with their events. A room
    /// that ended stays with its session (the replay and the whiteboard are part of the
    /// candidate's record) and goes when the session does.
    @discardableResult
    public func deleteExpired(now: Date = Date()) async throws -> Int {
        let ids = try await RoomModel.query(on: db).filter(\.$expiresAt <= now).filter(\.$endedAt == nil).all(\.$id)
        guard !ids.isEmpty else { return 0 }
        try await db.transaction { db in
            try await RoomEventModel.query(on: db).filter(\.$roomID ~~ ids).delete()
            try await RoomModel.query(on: db).filter(\.$id ~~ ids).delete()
        }
        return ids.count
    }

    /// Ended live mocks the user gave as the (signed-in) interviewer: the other side of the loop.
    public func mocksGiven(by user: UUID) async throws -> Int {
        try await RoomModel.query(on: db).filter(\.$interviewerID == user).filter(\.$endedAt != nil).count()
    }

    /// The latest of those mocks, newest first.
    public func recentMocksGiven(by user: UUID, limit: Int = 10) async throws -> [RoomModel] {
        try await RoomModel.query(on: db).filter(\.$interviewerID == user).filter(\.$endedAt != nil)
            .sort(\.$endedAt, .descending).limit(limit).all()
    }

    static func eventModel(
        _ d: RoomEventDraft, room: UUID, seq: Int, by role: RoomRole?, clientKey: String?, at: Date
    ) throws -> RoomEventModel {
        let e = RoomEventModel()
        e.roomID = room
        e.seq = seq
        e.kind = d.kind.rawValue
        e.audience = d.audience.rawValue
        e.byRole = role?.rawValue
        e.clientKey = clientKey
        e.body = String(decoding: try JSONEncoder.room.encode(d.body), as: UTF8.self)
        e.at = at
        return e
    }

    public static func state(_ m: RoomModel) throws -> RoomState {
        try JSONDecoder.room.decode(RoomState.self, from: Data(m.state.utf8))
    }

    static func encode(_ state: RoomState) throws -> String { String(decoding: try JSONEncoder.room.encode(state), as: UTF8.self) }

    static func event(_ e: RoomEventModel) throws -> RoomEvent {
        RoomEvent(
            seq: e.seq, kind: RoomEvent.Kind(rawValue: e.kind) ?? .chat, audience: RoomAudience(rawValue: e.audience) ?? .interviewer,
            by: e.byRole.flatMap(RoomRole.init), at: e.at, body: try JSONDecoder().decode(JSONValue.self, from: Data(e.body.utf8)))
    }
}
