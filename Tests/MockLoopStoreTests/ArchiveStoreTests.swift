import Fluent
import Foundation
import MockLoopCore
import MockLoopStore
import MockLoopTestSupport
import Testing

/// Everything of one person's leaves one instance as an archive and arrives in another — across
/// SQLite and PostgreSQL both ways — with that instance's ids and every field as it was.
@Suite struct ArchiveStoreTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000.123)
    static let none = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!

    /// A user with one of everything: a scored session on their own rubric clone with its retro
    /// (drill done), transcript and a code run; a planned one on their own question; one scored
    /// by a partner through the kit; a timed AI mock; a run outside sessions; a target.
    static func fill(_ db: Database, _ user: UUID) async throws {
        try await TargetRepository(db: db, userID: user).save(Target(tier: .tier2, level: .staff, types: [.coding], company: "Acme"))
        let clone = try await RubricRepository(db: db, userID: user).clone("coding", name: "My coding rubric").rubric
        try await TargetRepository(db: db, userID: user).rememberRubric(clone.id, for: .coding)
        let question = try ContentLibrary.parseQuestions(
            yaml: """
                questions:
                  - id: rate-limiter-for-the-billing-api
                    title: Rate limiter for the billing API
                    type: api_design
                    difficulty: medium
                    prompt: Design it.
                    keyPoints: [token bucket per customer]
                """, fileName: "mine.yaml", builtIn: false)
        _ = try await QuestionRepository(db: db, userID: user).add(question)

        let sessions = SessionRepository(db: db, userID: user)
        var scored = SessionStoreTests.scored(.coding, date: start)
        scored.rubricId = clone.id
        let first = try await sessions.create(scored)
        _ = try await RetroRepository(db: db, userID: user).save(SessionStoreTests.retro, sessionID: first.id)
        _ = try await RetroRepository(db: db, userID: user).setDrillDone(true, sessionID: first.id)
        try await TranscriptRepository(db: db, userID: user).attach(
            "Ana: How big is the input?\nMe: Up to a million.", format: "text", candidate: "Me", to: first.id)
        try await CodeRunRepository(db: db, userID: user).record(
            .init(
                sessionId: first.id, questionId: "balanced-brackets", language: .python, verdict: .wrongAnswer, compiled: true, passed: 3,
                total: 5, totalMs: 41.5, createdAt: start.addingTimeInterval(600)))
        _ = try await sessions.create(
            SessionPlan(
                type: .apiDesign, mode: .friend, questionId: question[0].id, interviewer: "Sam", date: start.addingTimeInterval(86_400),
                notes: "Ask Sam to push on pagination"))
        let partner = try await sessions.create(
            SessionPlan(type: .behavioral, mode: .peer, interviewer: "Kai", date: start.addingTimeInterval(2 * 86_400)))
        let behavioral = try await RubricRepository(db: db, userID: user).builtIn(for: .behavioral)
        _ = try await sessions.recordPartnerScores(
            partner.id,
            scores: Dictionary(uniqueKeysWithValues: behavioral.dimensions.map { ($0.key, DimensionScore(score: 2, note: "ok")) }),
            feedback: PartnerFeedback(
                name: "Kai", stronger: "Numbers in the result", communication: "Calm", concerns: "Scope of ownership"),
            now: start.addingTimeInterval(2 * 86_400 + 3600))
        let mock = UUID()
        _ = try await PracticeRepository(db: db, userID: user).start(
            SessionPlan(type: .coding, mode: .ai, questionId: "balanced-brackets", date: start.addingTimeInterval(3 * 86_400)),
            state: PracticeState(
                sessionId: mock, type: .coding, minutes: 45, seed: 7, questionIds: ["balanced-brackets"],
                startedAt: start.addingTimeInterval(3 * 86_400)),
            now: start.addingTimeInterval(3 * 86_400))
        try await CodeRunRepository(db: db, userID: user).record(
            .init(
                sessionId: nil, questionId: nil, language: .javascript, verdict: .accepted, compiled: nil, passed: 2, total: 2, totalMs: 9,
                createdAt: start.addingTimeInterval(4 * 86_400)))
    }

    /// The archive as JSON with what must differ between instances taken out: the session ids
    /// (and the mock's copy of it), the moment of export, the account's name and email.
    static func comparable(_ archive: AccountArchive) throws -> String {
        var a = archive
        a.exportedAt = Date(timeIntervalSince1970: 0)
        a.profile = .init(name: "-", email: nil)
        a.sessions = a.sessions.map { s in
            var s = s
            s.entry.id = Self.none
            s.practice?.state.sessionId = Self.none
            return s
        }
        return String(decoding: try a.encoded(), as: UTF8.self)
    }

    @Test(arguments: TestDatabase.available, TestDatabase.available)
    func everythingArrivesWithThisInstancesIDs(from: TestDatabase, to: TestDatabase) async throws {
        var exported: AccountArchive?
        var overview: [String] = []
        let later = Self.start.addingTimeInterval(5 * 86_400)
        try await withStore(from) { db, owner in
            try await Self.fill(db, owner)
            let someoneElse = try await OwnerRepository(db: db).createUser(name: "Someone else")
            _ = try await SessionRepository(db: db, userID: someoneElse).create(SessionStoreTests.scored(.coding))
            exported = try await ArchiveRepository(db: db, userID: owner).export()
            overview = try await InsightsRepository(db: db, userID: owner).overview(now: later, timeZone: .gmt).series.map {
                "\($0.type.rawValue) \($0.counts)"
            }
        }
        let archive = try AccountArchive.decode(try #require(exported).encoded())
        #expect(archive.sessions.count == 4, "only the user's own sessions")
        #expect(archive.sessions.compactMap(\.practice).count == 1 && archive.sessions.compactMap(\.transcript).count == 1)
        #expect(archive.sessions.compactMap(\.partnerFeedback).map(\.name) == ["Kai"])
        #expect(archive.pack?.questions?.map(\.id) == ["rate-limiter-for-the-billing-api"])
        #expect(archive.pack?.rubrics?.map(\.id) == ["my-coding-rubric"])
        #expect(archive.runs.count == 1 && archive.sessions.flatMap(\.runs).count == 1)

        try await withStore(to) { db, owner in
            // This instance has a log already, and the archive goes to a newcomer.
            _ = try await SessionRepository(db: db, userID: owner).create(SessionStoreTests.scored(.coding))
            let newcomer = try await OwnerRepository(db: db).createUser(name: "Newcomer")
            let archives = ArchiveRepository(db: db, userID: newcomer)
            let report = try await archives.importArchive(archive)
            #expect(report.sessions == 4 && report.alreadyPresent == 0 && report.runs == 2 && report.transcripts == 1)
            #expect(report.addedQuestions == ["rate-limiter-for-the-billing-api"] && report.addedRubrics == ["my-coding-rubric"])
            #expect(report.targetSet)

            let back = try await archives.export()
            #expect(
                Set(back.sessions.map(\.entry.id)).isDisjoint(with: archive.sessions.map(\.entry.id)), "every session has a new id")
            for s in back.sessions { if let p = s.practice { #expect(p.state.sessionId == s.entry.id, "the mock points at its new id") } }
            let (left, right) = (try Self.comparable(back), try Self.comparable(archive))
            let differing = zip(left.split(separator: "\n"), right.split(separator: "\n")).first { $0 != $1 }
            #expect(left == right, "every field arrives as it left; first difference: \(String(describing: differing))")

            let again = try await archives.importArchive(archive)
            #expect(again.sessions == 0 && again.alreadyPresent == 4 && again.runs == 0, "a second import adds nothing")
            #expect(try await LogRepository(db: db, userID: newcomer).page(LogQuery()).total == 4)
            #expect(try await LogRepository(db: db, userID: owner).page(LogQuery()).total == 1, "the other user's log is untouched")
            let insights = try await InsightsRepository(db: db, userID: newcomer).overview(now: later, timeZone: .gmt).series.map {
                "\($0.type.rawValue) \($0.counts)"
            }
            #expect(!overview.isEmpty && insights == overview, "the roll-ups count the imported sessions as the old instance did")
        }
    }

    @Test(arguments: TestDatabase.available)
    func aProblemAnywhereImportsNothingAndSaysWhere(db kind: TestDatabase) async throws {
        try await withStore(kind) { db, owner in
            try await Self.fill(db, owner)
            let good = try await ArchiveRepository(db: db, userID: owner).export()
            let newcomer = try await OwnerRepository(db: db).createUser(name: "Newcomer")
            let archives = ArchiveRepository(db: db, userID: newcomer)

            var badRubric = good
            badRubric.pack = nil  // the clone the first session was scored on is not in the file any more
            await #expect(
                throws: MockLoopError.invalid("sessions[0].entry.rubricId", "no rubric 'my-coding-rubric' in the file or on this instance")
            ) {
                try await archives.importArchive(badRubric)
            }
            var badScore = good
            badScore.sessions[2].entry.scores.interviewerScores["no-such-dimension"] = DimensionScore(score: 4)
            await #expect(throws: MockLoopError.self) { try await archives.importArchive(badScore) }
            do { _ = try await archives.importArchive(badScore) } catch let e as MockLoopError {
                #expect(e.fields.keys.contains { $0.hasPrefix("sessions[2].entry.scores.interviewerScores.") }, "\(e.fields)")
            }
            var longNotes = good
            longNotes.sessions[1].entry.notes = String(repeating: "x", count: 10_001)
            await #expect(throws: MockLoopError.invalid("sessions[1].entry.notes", "is longer than 10000 characters")) {
                try await archives.importArchive(longNotes)
            }
            var badMock = good
            badMock.sessions[3].practice?.state.phaseIndex = 99
            await #expect(throws: MockLoopError.invalid("sessions[3].practice.state.phaseIndex", "must point at one of the state's phases"))
            {
                try await archives.importArchive(badMock)
            }
            #expect(try await LogRepository(db: db, userID: newcomer).page(LogQuery()).total == 0, "nothing of a refused file stays")
            await #expect(throws: MockLoopError.self, "the pack written before the problem was rolled back") {
                try await QuestionRepository(db: db, userID: newcomer).find("rate-limiter-for-the-billing-api")
            }
        }
    }
}
