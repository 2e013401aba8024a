import Foundation

/// Everything of one person's, as one JSON document: their profile and target, their own
/// questions and rubrics (as a pack), and every session with its scores, retrospective,
/// transcript, code runs, timed-mock state and partner feedback. It is what "export everything"
/// gives and what an import on another instance reads; ids in it are the old instance's and are
/// replaced on import, except the ids people type (questions, rubrics), which are theirs.
public struct AccountArchive: Codable, Sendable {
    public static let formatVersion = 1
    /// Bound on an uploaded archive: a heavy user's years of transcripts fit many times over.
    public static let maxBytes = 64 * 1024 * 1024

    public var mockloopArchive: Int
    public var exportedAt: Date
    public var profile: Profile
    public var target: Target?
    /// Interview type → the rubric chosen last for it.
    public var rubricChoices: [String: String]
    /// The person's own questions and rubrics; nil when they have none.
    public var pack: QuestionPack?
    public var sessions: [Session]
    /// Code runs made outside any session (the run page).
    public var runs: [Run]

    public init(
        exportedAt: Date, profile: Profile, target: Target?, rubricChoices: [String: String], pack: QuestionPack?, sessions: [Session],
        runs: [Run]
    ) {
        mockloopArchive = Self.formatVersion
        self.exportedAt = exportedAt
        self.profile = profile
        self.target = target
        self.rubricChoices = rubricChoices
        self.pack = pack
        self.sessions = sessions
        self.runs = runs
    }

    public struct Profile: Codable, Sendable, Equatable {
        public var name: String
        public var email: String?

        public init(name: String, email: String?) {
            self.name = name
            self.email = email
        }
    }

    public struct Session: Codable, Sendable, Equatable {
        public var entry: LogEntry
        /// What makes importing the same session twice a no-op ("id:<first id>" or a CSV row's hash).
        public var importKey: String
        public var finishedAt: Date?
        public var drillDoneAt: Date?
        public var transcript: Transcript?
        public var runs: [Run]
        public var practice: Practice?
        public var partnerFeedback: PartnerFeedback?
        public var partnerFeedbackAt: Date?

        public init(
            entry: LogEntry, importKey: String, finishedAt: Date?, drillDoneAt: Date?, transcript: Transcript?, runs: [Run],
            practice: Practice?, partnerFeedback: PartnerFeedback?, partnerFeedbackAt: Date?
        ) {
            self.entry = entry
            self.importKey = importKey
            self.finishedAt = finishedAt
            self.drillDoneAt = drillDoneAt
            self.transcript = transcript
            self.runs = runs
            self.practice = practice
            self.partnerFeedback = partnerFeedback
            self.partnerFeedbackAt = partnerFeedbackAt
        }
    }

    public struct Transcript: Codable, Sendable, Equatable {
        public var format: String
        public var candidate: String?
        public var text: String

        public init(format: String, candidate: String?, text: String) {
            self.format = format
            self.candidate = candidate
            self.text = text
        }
    }

    /// One run of code: what the runner said (the code itself is never stored).
    public struct Run: Codable, Sendable, Equatable {
        public var questionId: String?
        public var language: Language
        public var verdict: Verdict
        public var compiled: Bool?
        public var passed: Int
        public var total: Int
        public var totalMs: Double
        public var createdAt: Date

        public init(
            questionId: String?, language: Language, verdict: Verdict, compiled: Bool?, passed: Int, total: Int, totalMs: Double,
            createdAt: Date
        ) {
            self.questionId = questionId
            self.language = language
            self.verdict = verdict
            self.compiled = compiled
            self.passed = passed
            self.total = total
            self.totalMs = totalMs
            self.createdAt = createdAt
        }
    }

    /// A timed AI mock: its state (turns, clock, code) and, once over, its result.
    public struct Practice: Codable, Sendable, Equatable {
        public var status: String
        public var state: PracticeState
        public var feedback: JSONValue?
        public var revision: Int
        public var updatedAt: Date

        public init(status: String, state: PracticeState, feedback: JSONValue?, revision: Int, updatedAt: Date) {
            self.status = status
            self.state = state
            self.feedback = feedback
            self.revision = revision
            self.updatedAt = updatedAt
        }
    }

    // MARK: The document

    /// Pretty, sorted JSON with dates to the millisecond, so a round trip keeps them.
    public func encoded() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(Self.format(date))
        }
        return try e.encode(self)
    }

    /// Reads an uploaded archive; a problem names where in the document it is.
    public static func decode(_ data: Data, fileName: String = "archive") throws -> AccountArchive {
        guard data.count <= maxBytes else {
            throw MockLoopError(.tooLarge, "\(fileName) is larger than \(maxBytes / 1024 / 1024) MB")
        }
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = dateFormatter().date(from: text) ?? ISO8601DateFormatter().date(from: text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not an ISO 8601 date")
            }
            return date
        }
        // The version first, so a newer file gets "update MockLoop" rather than a field error.
        struct Version: Decodable { var mockloopArchive: Int? }
        guard let version = (try? d.decode(Version.self, from: data))?.mockloopArchive else {
            throw MockLoopError.invalid("file", "\(fileName) is not a MockLoop archive (no mockloopArchive version)")
        }
        guard version == formatVersion else {
            throw MockLoopError.invalid(
                "file",
                version > formatVersion
                    ? "\(fileName) is format \(version), newer than this MockLoop reads (\(formatVersion)): update MockLoop"
                    : "\(fileName): mockloopArchive must be \(formatVersion) (got \(version))")
        }
        do {
            return try d.decode(AccountArchive.self, from: data)
        } catch let error as DecodingError {
            let p = DecodingProblem(error)
            throw MockLoopError.invalid("file", "\(fileName): " + (p.field.map { "\($0) " } ?? "") + p.problem)
        }
    }

    /// UTC to the nearest millisecond, rounded here rather than by a formatter, so a date read
    /// back from either database writes the same text again.
    static func format(_ date: Date) -> String {
        let ms = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (ms / 1000).rounded(.down)
        let base = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: seconds))
        return String(base.dropLast()) + String(format: ".%03dZ", Int(ms - seconds * 1000))
    }

    static func dateFormatter() -> ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }
}
