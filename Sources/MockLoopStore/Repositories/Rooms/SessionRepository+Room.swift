import Fluent
import Foundation
import MockLoopCore

extension SessionRepository {
    /// What a live room knows of the mock that the scores do not say: who interviewed, how
    /// long the clock ran, the hints given and the pauses taken.
    public func recordRoom(_ id: UUID, interviewer: String, minutes: Int, hints: Int, pauses: Int) async throws {
        let s = try await model(id)
        s.interviewer = interviewer
        s.durationMinutes = minutes
        s.hintsUsed = hints
        s.pauses = pauses
        try await s.update(on: db)
    }
}
