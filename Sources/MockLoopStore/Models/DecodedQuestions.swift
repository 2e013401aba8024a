import Foundation
import MockLoopCore

/// Decoded questions, kept per process by their stored JSON: a coding question's body carries
/// its test cases (tens of kilobytes), and the bank is read whole by the picker, the next focus
/// and every insights report, so decoding it each time cost more than all the queries together.
/// Keyed by the body itself, an edited question (a new body) is decoded afresh; never stale.
final class DecodedQuestions: @unchecked Sendable {
    static let shared = DecodedQuestions()

    /// Enough for the built-in bank and many users' own questions; beyond it, start over.
    private let limit = 4_000
    private let lock = NSLock()
    private var byBody: [String: Question] = [:]

    func question(_ body: String) throws -> Question {
        if let hit = lock.withLock({ byBody[body] }) { return hit }
        let decoded = try JSONDecoder().decode(Question.self, from: Data(body.utf8))
        lock.withLock {
            if byBody.count >= limit { byBody.removeAll(keepingCapacity: true) }
            byBody[body] = decoded
        }
        return decoded
    }
}
