import Foundation

/// The single thing to practise next (weakness first): the weakest dimension by mean score,
/// one drill for it, and a question from the bank of this type the user has not done yet,
/// picked as the practice picker picks (the target's level and tier, its difficulty mix, the
/// topics practised least).
public struct NextFocus: Codable, Sendable, Equatable {
    public var dimension: String
    public var mean: Double
    public var drill: String
    public var questionID: String?

    /// Ties go to the dimension scored in the most sessions (the surer finding), then rubric order.
    /// `questions`: the bank; `level` and `tier`: the target the user practises for.
    public static func choose(
        trends: [DimensionTrend], rubric: Rubric, questions: [Question], seen: Set<String>, level: Level? = nil,
        tier: CompanyTier? = nil, seed: UInt64
    ) -> NextFocus? {
        let scored = trends.enumerated().filter { $0.element.mean != nil }
        guard
            let weakest = scored.min(by: { a, b in
                let (ma, mb) = (a.element.mean!, b.element.mean!)
                if ma != mb { return ma < mb }
                if a.element.sessions != b.element.sessions { return a.element.sessions > b.element.sessions }
                return a.offset < b.offset
            })?.element, let dimension = rubric.dimension(weakest.dimension)
        else { return nil }
        // One suggestion, so it comes from the difficulties the target mostly asks (turned by
        // the seed, so the day's suggestion changes), never from its rare easy share.
        let favoured = TargetMix.for(tier: tier, level: level).favoured
        let start = favoured.isEmpty ? 0 : Int(seed % UInt64(favoured.count))
        let picker = QuestionPicker(questions: questions)
        let question = (favoured[start...] + favoured[..<start]).lazy.compactMap { difficulty in
            try? picker.pick(
                filter: QuestionFilter(type: rubric.type, difficulty: difficulty, level: level, tier: tier), seen: seen, seed: seed)
        }.first { !$0.isRepeat }?.question
        return NextFocus(
            dimension: dimension.key, mean: weakest.mean!,
            drill:
                "Three timed reps this week aimed only at \(dimension.name.lowercased()): before each, reread what a 3 looks like (\(dimension.score3)); after, score yourself on it.",
            questionID: question?.id)
    }
}
