import Testing

@testable import MockLoopCore

@Suite struct RetroAndScoreTests {
    let rubric = Rubric(
        id: "r", name: "R", type: .systemDesign, description: "",
        dimensions: [
            Dimension(key: "capacity_estimation", name: "Capacity estimation", question: "?", score1: "a", score2: "b", score3: "c"),
            Dimension(key: "data_model", name: "Data model", question: "?", score1: "a", score2: "b", score3: "c"),
            Dimension(key: "bottlenecks", name: "Bottlenecks", question: "?", score1: "a", score2: "b", score3: "c"),
        ])

    func draft(fixes: [PriorityFix], drill: String = "5 capacity estimations out loud, recorded") -> RetroDraft {
        RetroDraft(
            wentWell: "Clear API, because I wrote it first", wentWrong: "Estimated storage 1000x off", priorityFixes: fixes, drill: drill)
    }

    @Test func oneFixIsAccepted() throws {
        let retro = try draft(fixes: [PriorityFix(dimension: "capacity_estimation", text: "Estimate out loud before drawing")]).validated(
            against: rubric)
        #expect(retro.priorityFix.dimension == "capacity_estimation")
        #expect(retro.drill == Drill(text: "5 capacity estimations out loud, recorded", done: false))
    }

    @Test func aSecondFixIsRefusedByName() throws {
        let two = draft(fixes: [PriorityFix(dimension: "capacity_estimation", text: "a"), PriorityFix(dimension: "data_model", text: "b")])
        #expect {
            try two.validated(against: rubric)
        } throws: { ($0 as? MockLoopError)?.fields["priorityFix"]?.contains("exactly one priority fix") == true }
    }

    @Test(arguments: [
        (
            RetroDraft(wentWell: "", wentWrong: "x", priorityFix: PriorityFix(dimension: "data_model", text: "t"), drill: "Draw 3 schemas"),
            "wentWell"
        ),
        (
            RetroDraft(
                wentWell: "x", wentWrong: " ", priorityFix: PriorityFix(dimension: "data_model", text: "t"), drill: "Draw 3 schemas"),
            "wentWrong"
        ),
        (RetroDraft(wentWell: "x", wentWrong: "y", priorityFix: nil, drill: "Draw 3 schemas"), "priorityFix"),
        (
            RetroDraft(wentWell: "x", wentWrong: "y", priorityFix: PriorityFix(dimension: "charm", text: "t"), drill: "Draw 3 schemas"),
            "priorityFix.dimension"
        ),
        (
            RetroDraft(wentWell: "x", wentWrong: "y", priorityFix: PriorityFix(dimension: "data_model", text: ""), drill: "Draw 3 schemas"),
            "priorityFix.text"
        ),
        (
            RetroDraft(wentWell: "x", wentWrong: "y", priorityFix: PriorityFix(dimension: "data_model", text: "t"), drill: "Study more."),
            "drill"
        ),
    ])
    func incompleteRetrosNameTheMissingPart(draft: RetroDraft, field: String) throws {
        #expect { try draft.validated(against: rubric) } throws: { ($0 as? MockLoopError)?.fields[field] != nil }
    }

    @Test(arguments: [0, 4, -1])
    func scoresOutsideOneToThreeAreRefused(score: Int) throws {
        let sheet = ScoreSheet(interviewerScores: ["data_model": DimensionScore(score: score)])
        #expect { try sheet.validate(against: rubric) } throws: {
            ($0 as? MockLoopError)?.fields["interviewerScores.data_model"]?.contains("1, 2 or 3") == true
        }
    }

    @Test func unknownDimensionsAndBadConfidenceAreNamed() throws {
        let sheet = ScoreSheet(interviewerScores: ["charm": DimensionScore(score: 2)], selfScores: ["data_model": 9], confidence: 6)
        #expect { try sheet.validate(against: rubric) } throws: { error in
            let f = (error as? MockLoopError)?.fields ?? [:]
            return f["interviewerScores.charm"] != nil && f["selfScores.data_model"] != nil && f["confidence"] != nil
        }
        try ScoreSheet(interviewerScores: ["data_model": DimensionScore(score: 3)], selfScores: ["data_model": 2], confidence: 4).validate(
            against: rubric)
    }
}
