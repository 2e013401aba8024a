/// Picks the next question: filtered, calibrated to the target's difficulty mix, avoiding
/// what the user has already done unless asked, and reproducible under a seed.
public struct QuestionPicker: Sendable {
    public struct Pick: Sendable, Equatable {
        public var question: Question
        /// The question was done before and repeats were allowed: the session is flagged.
        public var isRepeat: Bool
        /// The mix wanted another difficulty but none was left; the nearest one was used.
        public var fellBack: Bool
    }

    public var questions: [Question]

    public init(questions: [Question]) { self.questions = questions }

    public func pick(
        filter: QuestionFilter, seen: Set<String>, includeSeen: Bool = false, seed: UInt64
    ) throws -> Pick {
        var rng = SeededGenerator(seed: seed)
        var matching = questions.filter(filter.matches).sorted { $0.id < $1.id }
        guard !matching.isEmpty else {
            throw MockLoopError(.notFound, "no question matches \(filter.summary)")
        }
        var fresh = matching.filter { !seen.contains($0.id) }
        var levelFellBack = false
        // Every question at the target level done: the level below comes before a repeat
        // (a Staff coding round uses senior-level problems too), and the pick says it fell back.
        if fresh.isEmpty, !includeSeen, let level = filter.level, let lower = level.below {
            var below = filter
            below.level = lower
            let lowerFresh = questions.filter(below.matches).filter { !seen.contains($0.id) }.sorted { $0.id < $1.id }
            if !lowerFresh.isEmpty {
                matching = lowerFresh
                fresh = lowerFresh
                levelFellBack = true
            }
        }
        guard !fresh.isEmpty || includeSeen else {
            throw MockLoopError(
                .notFound, "you have done all \(matching.count) questions matching \(filter.summary); allow repeats to pick one again")
        }
        let pool = fresh.isEmpty ? matching : fresh
        let wanted = filter.difficulty ?? TargetMix.for(tier: filter.tier, level: filter.level).draw(using: &rng)
        // Nearest difficulty first when the wanted one is exhausted: hard before easy on ties,
        // so running out never quietly makes practice easier.
        let order = Difficulty.allCases.sorted {
            let (da, db) = (abs($0.index - wanted.index), abs($1.index - wanted.index))
            return da != db ? da < db : $0 > $1
        }
        let practised = topicCounts(seen)
        for difficulty in order {
            var candidates = pool.filter { $0.difficulty == difficulty }
            if filter.level == .staff, filter.type == .systemDesign {
                // Staff design prompts should be ambiguous; prefer the deliberately incomplete ones.
                let vague = candidates.filter(\.underspecified)
                if !vague.isEmpty { candidates = vague }
            }
            // Breadth over a month: prefer the questions whose topics the user has practised least.
            let least = candidates.map { q in q.topics.reduce(0) { $0 + (practised[$1] ?? 0) } }.min() ?? 0
            candidates = candidates.filter { q in q.topics.reduce(0) { $0 + (practised[$1] ?? 0) } == least }
            if let q = candidates.randomElement(using: &rng) {
                return Pick(question: q, isRepeat: seen.contains(q.id), fellBack: difficulty != wanted || levelFellBack)
            }
        }
        throw MockLoopError(.notFound, "no question matches \(filter.summary)")
    }
}

extension QuestionPicker {
    /// How often each topic came up in the questions already done.
    func topicCounts(_ seen: Set<String>) -> [String: Int] {
        var counts: [String: Int] = [:]
        for q in questions where seen.contains(q.id) {
            for t in q.topics { counts[t, default: 0] += 1 }
        }
        return counts
    }
}

extension Difficulty {
    var index: Int { Difficulty.allCases.firstIndex(of: self)! }
}
