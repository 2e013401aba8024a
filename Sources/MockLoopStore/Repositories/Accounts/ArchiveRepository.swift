import Fluent
import Foundation
import MockLoopCore

/// Export everything of one person's as an `AccountArchive`, and import one — from this instance
/// or another — where every session gets this instance's ids. An import is one transaction:
/// all of it or, on the first problem (named by its place in the file), none. Importing the same
/// archive twice adds nothing the second time: each session carries the key it was first
/// logged under.
public struct ArchiveRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// What an import did.
    public struct ImportReport: Codable, Sendable, Equatable {
        public var sessions = 0
        /// Sessions already in this log (imported before, or the same log).
        public var alreadyPresent = 0
        public var runs = 0
        public var transcripts = 0
        public var addedQuestions: [String] = []
        public var updatedQuestions: [String] = []
        public var addedRubrics: [String] = []
        public var updatedRubrics: [String] = []
        /// Entries of the pack refused (a built-in has the id), with why.
        public var refused: [PackRepository.Report.Refused] = []
        /// Whether the archive's target became this account's (only when none was set).
        public var targetSet = false

        public var summary: String {
            "Imported \(sessions) session\(sessions == 1 ? "" : "s") (\(alreadyPresent) already present), "
                + "\(addedQuestions.count + updatedQuestions.count) question\(addedQuestions.count + updatedQuestions.count == 1 ? "" : "s"), "
                + "\(addedRubrics.count + updatedRubrics.count) rubric\(addedRubrics.count + updatedRubrics.count == 1 ? "" : "s"), "
                + "\(runs) code run\(runs == 1 ? "" : "s")" + (targetSet ? ", and the target" : "") + "."
        }
    }

    // MARK: Export

    public func export(now: Date = Date()) async throws -> AccountArchive {
        guard let user = try await UserModel.find(userID, on: db) else { throw MockLoopError.notFound("account") }
        let entries = try await LogRepository(db: db, userID: userID).all()
        let sessions = try await byID(SessionModel.query(on: db).filter(\.$userID == userID).all()) { $0.id }
        let retros = try await byID(RetroModel.query(on: db).filter(\.$userID == userID).all()) { $0.sessionID }
        let transcripts = try await byID(
            TranscriptModel.query(on: db).join(SessionModel.self, on: \TranscriptModel.$sessionID == \SessionModel.$id)
                .filter(SessionModel.self, \.$userID == userID).all()
        ) { $0.sessionID }
        let practices = try await byID(PracticeStateModel.query(on: db).filter(\.$userID == userID).all()) { $0.sessionID }
        let feedback = try await byID(PartnerFeedbackModel.query(on: db).filter(\.$userID == userID).all()) { $0.sessionID }
        let runs = try await CodeRunModel.query(on: db).filter(\.$userID == userID).sort(\.$createdAt).all()
        let runsBySession = Dictionary(grouping: runs.filter { $0.sessionID != nil }) { $0.sessionID! }

        var archived: [AccountArchive.Session] = []
        archived.reserveCapacity(entries.count)
        for entry in entries {
            let s = sessions[entry.id]
            let practice = try practices[entry.id].map { p in
                AccountArchive.Practice(
                    status: p.status, state: try JSONDecoder.practice.decode(PracticeState.self, from: Data(p.state.utf8)),
                    feedback: try p.feedback.map { try JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) },
                    revision: p.revision, updatedAt: p.updatedAt)
            }
            let fb = feedback[entry.id]
            archived.append(
                AccountArchive.Session(
                    entry: entry, importKey: s?.importKey ?? "id:" + entry.id.uuidString.lowercased(), finishedAt: s?.finishedAt,
                    drillDoneAt: retros[entry.id]?.drillDoneAt,
                    transcript: transcripts[entry.id].map { .init(format: $0.format, candidate: $0.candidate, text: $0.text) },
                    runs: (runsBySession[entry.id] ?? []).map(Self.run), practice: practice,
                    partnerFeedback: fb.map {
                        PartnerFeedback(name: $0.name, stronger: $0.stronger, communication: $0.communication, concerns: $0.concerns)
                    },
                    partnerFeedbackAt: fb?.createdAt))
        }
        let pack = try await PackRepository(db: db, userID: userID).export(name: "My questions and rubrics", builtIn: false)
        let targets = TargetRepository(db: db, userID: userID)
        return AccountArchive(
            exportedAt: now, profile: .init(name: user.name, email: user.email), target: try await targets.find(),
            rubricChoices: try await targets.rubricChoices(),
            pack: (pack.questions ?? []).isEmpty && (pack.rubrics ?? []).isEmpty ? nil : pack, sessions: archived,
            runs: runs.filter { $0.sessionID == nil }.map(Self.run))
    }

    private func byID<M>(_ rows: [M], _ key: (M) -> UUID?) -> [UUID: M] {
        var out: [UUID: M] = [:]
        for row in rows { if let k = key(row) { out[k] = row } }
        return out
    }

    static func run(_ r: CodeRunModel) -> AccountArchive.Run {
        .init(
            questionId: r.questionID, language: r.language, verdict: r.verdict, compiled: r.compiled, passed: r.passed, total: r.total,
            totalMs: r.totalMs, createdAt: r.createdAt)
    }

    // MARK: Import

    public func importArchive(_ archive: AccountArchive) async throws -> ImportReport {
        let pack = try archive.pack.map { pack in
            do { return try pack.checked(fileName: "pack") } catch let e as ContentError {
                throw MockLoopError.invalid("file", e.errorDescription ?? "\(e)")
            }
        }
        return try await db.transaction { db in
            try await ArchiveRepository(db: db, userID: userID).write(archive, pack: pack)
        }
    }

    private func write(_ archive: AccountArchive, pack: QuestionPack.Checked?) async throws -> ImportReport {
        var report = ImportReport()
        if let pack {
            let placed = try await PackRepository(db: db, userID: userID).write(pack)
            report.addedQuestions = placed.addedQuestions
            report.updatedQuestions = placed.updatedQuestions
            report.addedRubrics = placed.addedRubrics
            report.updatedRubrics = placed.updatedRubrics
            report.refused = placed.refused
        }
        let rubrics = RubricRepository(db: db, userID: userID)
        var rubricCache: [String: Rubric] = [:]
        func rubric(_ id: String) async -> Rubric? {
            if let r = rubricCache[id] { return r }
            let found = try? await rubrics.find(id).rubric
            rubricCache[id] = found
            return found
        }

        let targets = TargetRepository(db: db, userID: userID)
        if let target = archive.target, try await targets.find() == nil {
            try await targets.save(target)
            report.targetSet = true
        }
        let chosen = try await targets.rubricChoices()
        for (type, id) in archive.rubricChoices.sorted(by: { $0.key < $1.key }) where chosen[type] == nil {
            if let t = InterviewType(rawValue: type), let r = await rubric(id), r.type == t { try await targets.rememberRubric(id, for: t) }
        }

        var keys = Set(try await SessionModel.query(on: db).filter(\.$userID == userID).all(\.$importKey))
        var touched: [InterviewType: Set<Int>] = [:]
        let writer = SessionWriter(db: db, userID: userID)
        for (i, item) in archive.sessions.enumerated() {
            guard !keys.contains(item.importKey) else {
                report.alreadyPresent += 1
                continue
            }
            let place = "sessions[\(i)]"
            var entry = item.entry
            guard let r = await rubric(entry.rubricId) else {
                throw MockLoopError.invalid(
                    "\(place).entry.rubricId", "no rubric '\(entry.rubricId)' in the file or on this instance")
            }
            guard r.type == entry.type else {
                throw MockLoopError.invalid(
                    "\(place).entry.rubricId", "rubric '\(r.id)' is for \(r.type.rawValue), not \(entry.type.rawValue)")
            }
            // The same bounds on free text as a session logged here.
            try within(place + ".entry") {
                try SessionPlan(
                    type: entry.type, mode: entry.mode, questionTitle: entry.questionTitle, interviewer: entry.interviewer,
                    company: entry.company, notes: entry.notes
                ).validate()
            }
            try within(place + ".entry.scores") {
                if !entry.scores.interviewerScores.isEmpty || !entry.scores.selfScores.isEmpty { try entry.scores.validate(against: r) }
            }
            if let retro = entry.retro, r.dimension(retro.priorityFix.dimension) == nil {
                throw MockLoopError.invalid(
                    "\(place).entry.retro.priorityFix.dimension", "'\(retro.priorityFix.dimension)' is not a dimension of rubric \(r.id)")
            }
            if let fb = item.partnerFeedback { try within(place + ".partnerFeedback") { try fb.validate() } }
            if let p = item.practice { try Self.check(p, type: entry.type, place: place + ".practice") }

            let id = UUID()
            entry.id = id
            let session = try await writer.insert(entry, importKey: item.importKey)
            if let finished = item.finishedAt {
                session.finishedAt = finished
                try await session.update(on: db)
            }
            if let done = item.drillDoneAt, let retro = try await RetroModel.query(on: db).filter(\.$sessionID == id).first() {
                retro.drillDoneAt = done
                try await retro.update(on: db)
            }
            if let t = item.transcript {
                let m = TranscriptModel()
                m.sessionID = id
                m.format = t.format
                m.candidate = t.candidate
                m.text = t.text
                try await m.create(on: db)
                report.transcripts += 1
            }
            for run in item.runs { try await insert(run, sessionID: id) }
            report.runs += item.runs.count
            if let p = item.practice {
                var state = p.state
                state.sessionId = id
                let m = PracticeStateModel()
                m.userID = userID
                m.sessionID = id
                m.status = p.status
                m.state = try PracticeRepository.encode(state)
                m.feedback = try p.feedback.map { String(decoding: try JSONEncoder.stable.encode($0), as: UTF8.self) }
                m.revision = p.revision
                m.updatedAt = p.updatedAt
                try await m.create(on: db)
            }
            if let fb = item.partnerFeedback {
                let m = PartnerFeedbackModel()
                m.sessionID = id
                m.userID = userID
                m.name = fb.name
                m.stronger = fb.stronger
                m.communication = fb.communication
                m.concerns = fb.concerns
                m.createdAt = item.partnerFeedbackAt ?? entry.date
                try await m.create(on: db)
            }
            keys.insert(item.importKey)
            touched[entry.type, default: []].insert(InsightRollup.day(entry.date))
            report.sessions += 1
        }
        // Runs outside sessions have no key of their own: one already here at the same moment
        // with the same result is the same run.
        let existing = Set(
            try await CodeRunModel.query(on: db).filter(\.$userID == userID).filter(\.$sessionID == nil).all()
                .map { Self.runKey(Self.run($0)) })
        for run in archive.runs where !existing.contains(Self.runKey(run)) {
            try await insert(run, sessionID: nil)
            report.runs += 1
        }
        let rollup = InsightRollup(db: db, userID: userID)
        for (type, days) in touched.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { try await rollup.refresh(type: type, days: days) }
        return report
    }

    private func insert(_ run: AccountArchive.Run, sessionID: UUID?) async throws {
        try await CodeRunRepository(db: db, userID: userID).insert(
            .init(
                sessionId: sessionID, questionId: run.questionId, language: run.language, verdict: run.verdict, compiled: run.compiled,
                passed: run.passed, total: run.total, totalMs: run.totalMs, createdAt: run.createdAt))
    }

    static func runKey(_ r: AccountArchive.Run) -> String {
        "\((r.createdAt.timeIntervalSince1970 * 1000).rounded())/\(r.language.rawValue)/\(r.verdict.rawValue)/\(r.passed)/\(r.total)"
    }

    /// A timed mock's state is read back by the clock and the pages: one that could not have
    /// been written (no phases, a phase index outside them) is refused, not stored.
    static func check(_ p: AccountArchive.Practice, type: InterviewType, place: String) throws {
        let s = p.state
        guard PracticeStatus(rawValue: p.status) != nil else { throw MockLoopError.invalid(place + ".status", "is not a practice status") }
        guard s.type == type else { throw MockLoopError.invalid(place + ".state.type", "must be the session's type (\(type.rawValue))") }
        guard !s.phases.isEmpty, s.phases.indices.contains(s.phaseIndex) else {
            throw MockLoopError.invalid(place + ".state.phaseIndex", "must point at one of the state's phases")
        }
        guard !s.questionIds.isEmpty, (1...240).contains(s.minutes) else {
            throw MockLoopError.invalid(place + ".state", "needs its question ids and 1–240 minutes")
        }
    }

    /// Runs a check and names its fields by where they sit in the file.
    private func within(_ place: String, _ check: () throws -> Void) throws {
        do { try check() } catch let e as MockLoopError where e.kind == .invalid {
            guard !e.fields.isEmpty else { throw MockLoopError.invalid(place, e.message) }
            throw MockLoopError.invalid(fields: Dictionary(uniqueKeysWithValues: e.fields.map { ("\(place).\($0.key)", $0.value) }))
        }
    }
}
