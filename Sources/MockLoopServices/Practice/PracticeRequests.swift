import Foundation
import MockLoopCore

/// The bodies of the practice API, shared by the pages and `mockloop practice`.
public enum PracticeRequest {
    public struct Start: Codable, Sendable {
        public var type: String?
        public var minutes: Int?
        public var questionId: String?
        public var seed: UInt64?
        public var tier: String?
        public var level: String?
        public var language: String?

        public init(
            type: String? = nil, minutes: Int? = nil, questionId: String? = nil, seed: UInt64? = nil,
            tier: String? = nil, level: String? = nil, language: String? = nil
        ) {
            self.type = type
            self.minutes = minutes
            self.questionId = questionId
            self.seed = seed
            self.tier = tier
            self.level = level
            self.language = language
        }
    }

    public struct Answer: Codable, Sendable {
        public var text: String?
        /// Seconds on the session clock when the candidate began the answer.
        public var startedAt: Double?
        /// "typed" (default) or "speech".
        public var source: String?
        /// The client's id for this answer: sending it again (after a dropped connection) is a no-op.
        public var clientId: String?

        public init(text: String?, startedAt: Double? = nil, source: String? = nil, clientId: String? = nil) {
            self.text = text
            self.startedAt = startedAt
            self.source = source
            self.clientId = clientId
        }
    }

    public struct Code: Codable, Sendable {
        public var code: String?
        public var language: String?
        /// "Run with my input": the arguments as a JSON array (function mode) or the stdin text
        /// (stdio mode). The output is shown; the run is not one of the mock's test runs.
        public var input: String?

        public init(code: String?, language: String? = nil, input: String? = nil) {
            self.code = code
            self.language = language
            self.input = input
        }
    }

    public static let maxAnswer = 20_000
    public static let maxCode = 100_000
    public static let maxInput = 10_000
}
