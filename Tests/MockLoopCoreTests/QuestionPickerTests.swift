import Testing

@testable import MockLoopCore

@Suite struct QuestionPickerTests {
    static func question(_ id: String, _ difficulty: Difficulty, type: InterviewType = .coding, vague: Bool = false) -> Question {
        Question(
            id: id, type: type, title: id, prompt: "p", difficulty: difficulty, topics: ["t"], levels: Level.allCases,
            tiers: CompanyTier.allCases, underspecified: vague, followUps: [], hints: [], keyPoints: [])
    }

    /// 10 of each difficulty, so the mix is limited only by the target.
    let bank = Difficulty.allCases.flatMap { d in (0..<10).map { question("\(d.rawValue)-\($0)", d) } }

    @Test func sameSeedSamePick() throws {
        let picker = QuestionPicker(questions: bank)
        let a = try picker.pick(filter: QuestionFilter(type: .coding), seen: [], seed: 42)
        let b = try picker.pick(filter: QuestionFilter(type: .coding), seen: [], seed: 42)
        #expect(a == b)
        let many = Set(try (0..<50).map { try picker.pick(filter: QuestionFilter(type: .coding), seen: [], seed: $0).question.id })
        #expect(many.count > 10, "different seeds should spread over the bank")
    }

    @Test func tierOneSeniorMixIsAboutEightyPercentMediumHard() throws {
        let picker = QuestionPicker(questions: bank)
        let picks = try (0..<2000 as Range<UInt64>).map {
            try picker.pick(filter: QuestionFilter(type: .coding, level: .senior, tier: .tier1), seen: [], seed: $0).question
        }
        let share = Double(picks.filter { $0.difficulty != .easy }.count) / Double(picks.count)
        #expect(share > 0.76 && share < 0.84, "medium–hard share \(share)")
        #expect(abs(TargetMix.for(tier: .tier1, level: .senior).mediumHardShare - 0.8) < 1e-9)
    }

    @Test func seenQuestionsAreAvoidedUnlessAsked() throws {
        let picker = QuestionPicker(questions: bank)
        let seen = Set(bank.map(\.id).filter { $0 != "hard-3" })
        for seed in 0..<20 as Range<UInt64> {
            let pick = try picker.pick(filter: QuestionFilter(type: .coding), seen: seen, seed: seed)
            #expect(pick.question.id == "hard-3" && !pick.isRepeat)
        }
        let all = Set(bank.map(\.id))
        #expect(throws: MockLoopError.self) { try picker.pick(filter: QuestionFilter(type: .coding), seen: all, seed: 1) }
        let again = try picker.pick(filter: QuestionFilter(type: .coding), seen: all, includeSeen: true, seed: 1)
        #expect(again.isRepeat)
    }

    @Test func exhaustedDifficultyFallsBackToNearestHarderFirst() throws {
        // No medium questions: whenever the mix asks for medium, the picker must go harder, not easier.
        let picker = QuestionPicker(questions: [Self.question("e", .easy), Self.question("h", .hard)])
        let picks = try (0..<200 as Range<UInt64>).map {
            try picker.pick(filter: QuestionFilter(type: .coding, level: .senior, tier: .tier1), seen: [], seed: $0)
        }
        let fallbacks = picks.filter(\.fellBack)
        #expect(!fallbacks.isEmpty)
        #expect(fallbacks.allSatisfy { $0.question.id == "h" })
        #expect(throws: MockLoopError.self) {
            try picker.pick(filter: QuestionFilter(type: .coding, difficulty: .medium), seen: [], seed: 3)
        }
    }

    @Test func noMatchSaysWhichFilter() throws {
        let picker = QuestionPicker(questions: bank)
        #expect {
            try picker.pick(filter: QuestionFilter(type: .behavioral), seen: [], seed: 1)
        } throws: { ($0 as? MockLoopError)?.message.contains("type behavioral") == true }
    }

    @Test func staffDesignPrefersDeliberatelyVaguePrompts() throws {
        let picker = QuestionPicker(questions: [
            Self.question("clear", .hard, type: .systemDesign),
            Self.question("vague", .hard, type: .systemDesign, vague: true),
        ])
        for seed in 0..<20 as Range<UInt64> {
            let pick = try picker.pick(filter: QuestionFilter(type: .systemDesign, difficulty: .hard, level: .staff), seen: [], seed: seed)
            #expect(pick.question.id == "vague")
        }
    }
}
