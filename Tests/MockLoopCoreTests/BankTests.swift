import Foundation
import Testing

@testable import MockLoopCore

/// The bank as a month of daily practice needs it: the counts per type, theme and difficulty,
/// no near-duplicate prompts, and 30 days × 2 mocks for a Tier-1 Staff target without a repeat.
@Suite struct BankTests {
    static let bank = try! ContentLibrary.builtIn().questions
    static func of(_ type: InterviewType) -> [Question] { bank.filter { $0.type == type } }

    @Test func theBankReachesItsCounts() {
        #expect(Self.bank.count >= 106, "\(Self.bank.count) questions")
        let coding = Self.of(.coding)
        #expect(coding.count >= 40, "\(coding.count) coding")
        let hardish = coding.filter { $0.difficulty != .easy }.count
        #expect(Double(hardish) >= 0.8 * Double(coding.count), "\(hardish) of \(coding.count) medium or hard")
        let topics = Set(coding.flatMap(\.topics))
        for t in ["graphs", "dynamic-programming", "intervals", "heaps", "strings", "trees", "binary-search"] {
            #expect(topics.contains(t), "no coding question on \(t)")
        }
        #expect(topics.contains("two-pointers") || topics.contains("sliding-window"))
        #expect(coding.contains { $0.topics.contains { $0.contains("design") } }, "a design-a-data-structure question")
        for q in coding {
            let cases = q.tests?.cases ?? []
            #expect(cases.count >= 8 && cases.contains { $0.hidden == true } && cases.contains { $0.hidden != true }, "\(q.id)")
        }
        let design = Self.of(.systemDesign)
        #expect(design.count >= 20, "\(design.count) system design")
        #expect(design.filter { $0.underspecified && $0.levels.contains(.staff) }.count >= 8, "Staff prompts left open on purpose")
        #expect(Self.of(.apiDesign).count >= 8)
        #expect(Self.of(.dataModeling).count >= 8)
        let behavioral = Self.of(.behavioral)
        #expect(behavioral.count >= 30, "\(behavioral.count) behavioral")
        for theme in [
            "influence-without-authority", "navigating-ambiguity", "cross-functional-collaboration", "decisions-under-uncertainty",
            "mentorship", "handling-failure",
        ] {
            let n = behavioral.filter { $0.topics.contains(theme) }.count
            #expect(n >= 5, "\(n) prompts on \(theme)")
        }
        #expect(behavioral.contains { $0.topics.contains("leadership") }, "leadership prompts for EM loops")
        for q in Self.bank {
            #expect(q.followUps.count >= 3 && q.hints.count >= 3 && !q.keyPoints.isEmpty && q.modelAnswer != nil, "\(q.id)")
        }
    }

    @Test func noTwoPromptsAreRewordingsOfEachOther() {
        let pairs = NearDuplicates.pairs(Self.bank.map { ($0.id, $0.prompt) })
        #expect(pairs.isEmpty, "\(pairs.map { "\($0.a) ~ \($0.b): \($0.why)" })")
        // The check itself catches a copied sentence and a light rewording.
        let q = Self.bank[0]
        let half = q.prompt.split(separator: " ").prefix(q.prompt.split(separator: " ").count / 2).joined(separator: " ")
        let copied = half + " and then something else entirely, about another product with other users."
        #expect(!NearDuplicates.pairs([(q.id, q.prompt), ("copy", copied)]).isEmpty)
        let reworded = q.prompt.replacingOccurrences(of: " the ", with: " a ")
        #expect(!NearDuplicates.pairs([(q.id, q.prompt), ("reworded", reworded)]).isEmpty)
    }

    /// A month of daily practice toward a Tier-1 Staff loop: one coding mock and one other a day.
    @Test func aMonthOfDailyMocksForAStaffTargetNeverRepeats() throws {
        let picker = QuestionPicker(questions: Self.bank)
        var seen = Set<String>()
        var coding: [Question] = []
        let others: [InterviewType] = [.systemDesign, .behavioral, .systemDesign, .behavioral, .apiDesign, .dataModeling]
        for day in 0..<30 {
            for type in [InterviewType.coding, others[day % others.count]] {
                let pick = try picker.pick(
                    filter: QuestionFilter(type: type, level: .staff, tier: .tier1), seen: seen, seed: UInt64(day * 7 + 1))
                #expect(!pick.isRepeat && !seen.contains(pick.question.id), "day \(day): \(pick.question.id) again")
                seen.insert(pick.question.id)
                if type == .coding { coding.append(pick.question) }
            }
        }
        #expect(seen.count == 60)
        let hardish = coding.filter { $0.difficulty != .easy }.count
        #expect(Double(hardish) >= 0.8 * Double(coding.count), "\(hardish) of 30 coding mocks medium or hard")
        let topics = Set(coding.flatMap(\.topics))
        #expect(topics.count >= 15, "\(topics.count) coding topics in a month")
        let firstWeek = Set(coding.prefix(7).flatMap(\.topics))
        #expect(firstWeek.count >= 10, "a week spreads over \(firstWeek.count) topics")
    }
}
