import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

/// What the two people do once the interviewer has ended the mock: swap roles for the
/// reciprocal mock, and the candidate's rating of the feedback they got.
extension RoomService {
    /// "Swap roles": a new room where the interviewer is the candidate, on a new question of the
    /// same type that they have not had yet when there is one, with a planned session in their
    /// own log. It is a room of its own, so nothing either person saw privately in this one is
    /// shown to the other there. Both need accounts: a guest has no log to put a session in.
    func swap(_ roomID: UUID, role: RoomRole, key: String, now: Date) async throws -> (events: [RoomEvent], duplicate: Bool) {
        try await db.transaction { db in
            let repo = RoomRepository(db: db)
            try await repo.lock(roomID)
            guard let room = try await RoomModel.find(roomID, on: db) else { throw MockLoopError.notFound("room") }
            guard room.endedAt != nil else { throw MockLoopError(.conflict, "Swap roles once this mock has ended.") }
            guard let other = room.interviewerID else {
                throw MockLoopError(
                    .conflict, "Swapping roles needs both of you signed in: with a guest interviewer the mock runs one way.")
            }
            if let next = room.nextRoomID {
                // Both pressed it: the second press goes to the room the first one opened.
                return try await repo.append(roomID, clientKey: key, by: role, now: now) { _, _ in
                    [RoomEventDraft(.swapped, to: .both, .object(["room": .string(next.uuidString.lowercased())]))]
                }
            }
            let type = InterviewType(rawValue: room.type) ?? .coding
            let questions = QuestionRepository(db: db, userID: other)
            let seen = try await questions.seenIDs()
            let choices = try await questions.all(type: type).filter { $0.id != room.questionID }
            guard let question = choices.first(where: { !seen.contains($0.id) }) ?? choices.first else {
                throw MockLoopError(.conflict, "There is no other \(type.label) question to swap to.")
            }
            let state = try RoomRepository.state(room)
            let (next, _) = try await repo.create(
                RoomPlan(questionId: question.id, minutes: state.clock.minutes, language: state.language, showFix: room.showFix),
                candidate: other, now: now)
            next.interviewerID = room.candidateID
            next.interviewerName = try await UserModel.find(room.candidateID, on: db)?.name
            try await next.update(on: db)
            let nextID = try next.requireID()
            room.nextRoomID = nextID
            try await room.update(on: db)
            return try await repo.append(roomID, clientKey: key, by: role, now: now) { _, _ in
                [RoomEventDraft(.swapped, to: .both, .object(["room": .string(nextID.uuidString.lowercased())]))]
            }
        }
    }

    /// The candidate rates the feedback of the mock: specific? honest? (1–3 each). Rating again
    /// replaces the earlier rating.
    func rate(
        _ command: RoomCommand, _ roomID: UUID, role: RoomRole, key: String, now: Date
    ) async throws
        -> (events: [RoomEvent], duplicate: Bool)
    {
        try command.validate()
        return try await db.transaction { db in
            try await RoomRepository(db: db).lock(roomID)
            guard let room = try await RoomModel.find(roomID, on: db) else { throw MockLoopError.notFound("room") }
            guard room.endedAt != nil,
                let feedback = try await PartnerFeedbackModel.query(on: db).filter(\.$sessionID == room.sessionID).first()
            else { throw MockLoopError(.conflict, "Rate the feedback once the interviewer has ended the mock.") }
            feedback.specific = command.specific
            feedback.honest = command.honest
            try await feedback.update(on: db)
            if let interviewer = room.interviewerID { try await PartnerLedger(db: db).refresh([interviewer]) }
            return try await RoomRepository(db: db).append(roomID, clientKey: key, by: role, now: now) { _, _ in
                [
                    RoomEventDraft(
                        .rated, to: .both, .object(["specific": .int(command.specific ?? 0), "honest": .int(command.honest ?? 0)]))
                ]
            }
        }
    }
}
