import Fluent
import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopRunner
import MockLoopStore

/// Which questions a mock asks, and the checks on code sent to it.
extension PracticeService {
    func pick(
        _ type: InterviewType, questionId: String?, tier: CompanyTier?, level: Level?, seed: UInt64, minutes: Int
    ) async throws -> [Question] {
        let count = type == .behavioral ? PhasePlan.promptCount(minutes: minutes) : 1
        var chosen: [Question] = []
        if let id = questionId, !id.isEmpty {
            guard let found = try? await questions.find(id) else { throw MockLoopError.invalid("questionId", "no question '\(id)'") }
            guard found.question.type == type else {
                throw MockLoopError.invalid("questionId", "'\(id)' is a \(found.question.type.rawValue) question, not \(type.rawValue)")
            }
            chosen.append(found.question)
        }
        // The bank is read only when the picker has something to choose.
        let bank = chosen.count < count ? try await questions.all(type: type) : []
        let seen = chosen.count < count ? try await questions.seenIDs() : []
        var i: UInt64 = 0
        while chosen.count < count {
            let rest = bank.filter { q in !chosen.contains { $0.id == q.id } }
            guard !rest.isEmpty else { break }
            let filter = QuestionFilter(type: type, level: level, tier: tier)
            let picker = QuestionPicker(
                questions: rest.contains(where: filter.matches)
                    ? rest
                    : rest.map {
                        var q = $0
                        q.levels = Level.allCases
                        q.tiers = CompanyTier.allCases
                        return q
                    })
            chosen.append(try picker.pick(filter: filter, seen: seen, includeSeen: true, seed: seed &+ i).question)
            i += 1
        }
        guard !chosen.isEmpty else { throw MockLoopError(.notFound, "the bank has no \(type.label.lowercased()) question") }
        return chosen
    }

    static func validate(_ body: PracticeRequest.Code, requireCode: Bool) throws -> Language {
        var problems = FieldProblems()
        let language = Language.parse(body.language ?? "python", field: "language", into: &problems)
        if requireCode, (body.code ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.add("code", "is empty: write some code to run")
        }
        if (body.code ?? "").count > PracticeRequest.maxCode {
            problems.add("code", "is longer than \(PracticeRequest.maxCode) characters")
        }
        return try problems.checked(language, "language")
    }
}
