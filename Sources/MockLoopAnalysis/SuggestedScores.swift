import MockLoopCore

/// Maps what the analysis found onto the built-in rubric's dimensions as AI-suggested scores.
/// Only dimensions a transcript can honestly speak to are scored; the rest are left to a human.
struct SuggestedScores {
    let kind: InterviewType
    let thresholds: AnalysisThresholds

    func suggest(_ answers: [AnswerAnalysis], fillersPerMinute: Double?) -> AnalysisReport.SuggestedScores {
        let main = answers.filter { $0.words >= 30 }
        let pool = main.isEmpty ? answers : main
        func any(_ f: (AnswerAnalysis) -> Bool) -> Bool { pool.contains(where: f) }
        func count(_ f: (AnswerAnalysis) -> Int) -> Int { pool.reduce(0) { $0 + f($1) } }
        func scale(_ n: Int, two: Int, three: Int) -> Int { n >= three ? 3 : (n >= two ? 2 : 1) }
        let communication: Int = {
            guard let f = fillersPerMinute else { return 2 }
            return f <= thresholds.fillersGoodPerMinute ? 3 : (f <= thresholds.fillersWarnPerMinute ? 2 : 1)
        }()
        var scores: [String: Int] = [:]
        switch kind {
        case .behavioral:
            let a = pool.max { $0.words < $1.words }!
            scores["situation_clarity"] = [a.star.situation.present, a.star.task.present].filter { $0 }.count + 1
            scores["scope_of_impact"] = a.leadsWithImpact ? (a.quantified.isEmpty ? 2 : 3) : (a.star.result.present ? 2 : 1)
            scores["own_contribution"] = !a.ownership.actionHasI ? 1 : (a.ownership.i >= a.ownership.we ? 3 : 2)
            scores["what_id_do_differently"] = any { $0.reflection.present } ? 3 : 1
            scores["quantified_outcomes"] = scale(a.quantified.count, two: 1, three: 2)
        case .coding:
            scores["clarification"] = scale(count { $0.clarifyingQuestions }, two: 1, three: 2)
            scores["testing_edge_cases"] = scale(Set(pool.flatMap(\.technical.edgeCases)).count, two: 1, three: 3)
            let complexity = any { !$0.technical.complexity.isEmpty }
            scores["optimization_discussion"] = complexity ? (any { !$0.technical.tradeOffs.isEmpty } ? 3 : 2) : 1
            scores["communication"] = communication
        case .systemDesign, .apiDesign, .dataModeling:
            scores[kind == .systemDesign ? "requirements" : "communication"] = scale(count { $0.clarifyingQuestions }, two: 1, three: 3)
            if kind == .systemDesign { scores["capacity_estimation"] = scale(count { $0.quantified.count }, two: 2, three: 4) }
            if kind == .systemDesign {
                scores["tradeoff_articulation"] = scale(Set(pool.flatMap(\.technical.tradeOffs)).count, two: 1, three: 2)
            }
        }
        return .init(label: "AI", rubric: kind.rawValue, byDimension: scores)
    }
}
