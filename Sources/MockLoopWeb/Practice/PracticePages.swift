import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// `/practice`: choose type, length and target; the rubric, the checklist and the last fix
/// to watch are shown before the clock starts.
struct PracticeSetupPage: Encodable {
    struct Form: Content {
        var type: String?
        var minutes: String?
        var questionId: String?
        var tier: String?
        var level: String?
        var language: String?
        var seed: String?

        var request: PracticeRequest.Start {
            get throws {
                var problems = FieldProblems()
                let minutes = Self.number(self.minutes, "minutes", &problems).map(Int.init)
                let seed = Self.number(self.seed, "seed", &problems)
                try problems.check()
                return PracticeRequest.Start(
                    type: type, minutes: minutes, questionId: questionId.flatMap { $0.isEmpty ? nil : $0 },
                    seed: seed, tier: tier, level: level, language: language)
            }
        }

        static func number(_ raw: String?, _ field: String, _ problems: inout FieldProblems) -> UInt64? {
            guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let n = UInt64(raw), n <= UInt64(Int64.max) else {
                problems.add(field, "must be a whole number (got '\(raw)')")
                return nil
            }
            return n
        }
    }

    struct Dim: Encodable { var name, question, score3: String }

    var title = "Practice with the AI interviewer"
    var types: [Choice]
    var typeValue: String
    /// As typed when the form comes back with problems.
    var minutes: String
    var seed: String
    var errors: [String: String]
    var questions: [Choice]
    var tiers: [Choice]
    var levels: [Choice]
    var languages: [Choice]
    var isCoding: Bool
    var rubricName: String
    var dimensions: [Dim]
    var checklist: [String]
    var phases: String
    var lastFix: FixCard?
    var voice: String

    /// `?type=` chooses the interview type; `?question=ID` comes from a question's "Practise"
    /// button and brings its type with it. Tier and level start at the user's target.
    /// `posted`: a start form that had problems; its choices are kept and shown again.
    static func build(
        req: Request, voice: String, posted: Form? = nil, errors: [String: String] = [:]
    ) async throws
        -> PracticeSetupPage
    {
        let user = try req.actingUser()
        let questions = QuestionRepository(db: req.db, userID: user)
        let target = try await TargetRepository(db: req.db, userID: user).current()
        let asked = posted?.questionId.nonEmpty ?? req.query[String.self, at: "question"].nonEmpty
        let chosen = try await asked.asyncMap { try await questions.find($0).question }
        let raw = posted?.type ?? req.query[String.self, at: "type"] ?? ""
        let type =
            chosen.flatMap { PhasePlan.practiceTypes.contains($0.type) ? $0.type : nil }
            ?? InterviewType(loose: raw).flatMap { PhasePlan.practiceTypes.contains($0) ? $0 : nil }
            ?? target.firstType(in: PhasePlan.practiceTypes)
        let bank = try await questions.titles(type: type)
        let brief = try await PracticeBrief.load(type, db: req.db, userID: user)
        let rubric = brief.rubric
        let minutes = brief.minutes
        let tier = posted.map { $0.tier ?? "" } ?? target.tier.rawValue
        let level = posted.map { $0.level ?? "" } ?? target.level.rawValue
        let language = Language(loose: posted?.language ?? "") ?? .python
        return PracticeSetupPage(
            types: PhasePlan.practiceTypes.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == type) },
            typeValue: type.rawValue, minutes: posted?.minutes ?? String(minutes), seed: posted?.seed ?? "", errors: errors,
            questions: [Choice(value: "", label: "Pick one for me (calibrated to my target)", selected: chosen == nil)]
                + bank.map { Choice(value: $0.id, label: $0.title, selected: $0.id == chosen?.id) },
            tiers: Choice.list(CompanyTier.self, selected: tier, blank: "Any"),
            levels: Choice.list(Level.self, selected: level, blank: "Any"),
            languages: [Language.python, .javascript, .cpp, .swift].map {
                Choice(value: $0.rawValue, label: $0.label, selected: $0 == language)
            },
            isCoding: type == .coding, rubricName: rubric.name,
            dimensions: rubric.dimensions.map { Dim(name: $0.name, question: $0.question, score3: $0.score3) },
            checklist: brief.checklist, phases: brief.phaseLine, lastFix: FixCard(brief.lastFix, rubric: rubric), voice: voice)
    }
}

/// `/practice/:id`: the live session (driven by practice.js over the API), or its result.
struct PracticeLivePage: Encodable {
    struct Retro: Encodable { var wentWell, wentWrong, fix, drill: String }
    struct Dim: Encodable {
        var key, name: String
        var isFix: Bool
    }

    var title: String
    var id: String
    var view: PracticeView
    /// The whole view as JSON for the script, read from a data attribute (so it is HTML-escaped).
    var stateJSON: String
    var over: Bool
    var finished: Bool
    var isCoding: Bool
    var retro: Retro?
    /// Confirmed already (here or in the terminal): the form is not offered twice.
    var retroSaved: Bool
    var fixDimensions: [Dim]
    var scored: [ScoredDim]

    struct ScoredDim: Encodable {
        var name: String
        var aiScore: String
        /// The score colour ("s1"…"s3", or "none" when not observed), as everywhere else.
        var band: String
        var calibrated: String
        var reason: String
        var evidence: [Quote]
    }

    struct Quote: Encodable {
        var at, text: String
        var gap: Bool
    }
    struct Line: Encodable { var at, speaker, kind, text: String }

    var transcript: [Line]

    init(_ view: PracticeView, retroSaved: Bool) throws {
        self.retroSaved = retroSaved
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        stateJSON = String(decoding: try encoder.encode(view), as: UTF8.self)
        self.view = view
        id = view.id.uuidString.lowercased()
        title = "\(view.type.label) mock with the AI interviewer"
        over = view.status.isOver
        finished = view.status == .finished
        isCoding = view.type == .coding
        let r = view.result?.retro
        retro = r.map {
            Retro(wentWell: $0.wentWell ?? "", wentWrong: $0.wentWrong ?? "", fix: $0.priorityFix?.text ?? "", drill: $0.drill ?? "")
        }
        fixDimensions = view.rubric.map { Dim(key: $0.key, name: $0.name, isFix: $0.key == r?.priorityFix?.dimension) }
        scored = (view.result?.dimensions ?? []).map { d in
            ScoredDim(
                name: d.name, aiScore: d.aiScore.map(String.init) ?? "not observed", band: d.aiScore.map { "s\($0)" } ?? "none",
                calibrated: d.calibrated.map { String(format: "%.1f", $0) } ?? "–",
                reason: d.reason, evidence: d.evidence.map { Quote(at: ClockText.mmss($0.at), text: $0.text, gap: $0.isGap) })
        }
        transcript = view.turns.map {
            Line(
                at: ClockText.mmss($0.at), speaker: $0.speaker == .candidate ? "You" : "Interviewer", kind: $0.kind.rawValue, text: $0.text)
        }
    }
}
