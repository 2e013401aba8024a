import Foundation
import Testing

@testable import MockLoopCore

@Suite struct LogImportTests {
    let content = try! ContentLibrary.builtIn()
    var rubrics: [String: Rubric] { Dictionary(uniqueKeysWithValues: content.rubrics.map { ($0.id, $0) }) }
    var defaults: [InterviewType: Rubric] { Dictionary(uniqueKeysWithValues: content.rubrics.map { ($0.type, $0) }) }

    func parse(_ text: String) throws -> LogImport { try LogImport.parse(text, rubrics: rubrics, defaults: defaults) }

    @Test func notionStyleHeadersAreMatchedWithoutCase() throws {
        let csv = """
            Date,Interview Type,Partner,Problem,Clarification,Communication,Self: Clarification,Priority Fix,Fix Dimension,Drill,Drill Done
            "November 3, 2026",Coding,Ana,Merge intervals,2,3,1,Ask about input size first,clarification,5 problems: 2 clarifying questions each,yes
            """
        let result = try parse(csv)
        #expect(result.problems.isEmpty)
        let e = try #require(result.rows.first?.entry)
        #expect(e.type == .coding && e.interviewer == "Ana" && e.questionTitle == "Merge intervals")
        #expect(e.scores.interviewerScores["clarification"]?.score == 2 && e.scores.interviewerScores["communication"]?.score == 3)
        #expect(e.scores.selfScores["clarification"] == 1)
        #expect(e.retro?.priorityFix == PriorityFix(dimension: "clarification", text: "Ask about input size first"))
        #expect(e.retro?.drill.done == true)
        #expect(LogColumns.formatDate(e.date).hasPrefix("2026-11-03"))
    }

    @Test func badRowsAreReportedByLineAndGoodOnesKept() throws {
        let csv = """
            date,type,clarification,confidence
            2026-11-01,coding,2,3
            2026-11-02,coding,4,3
            2026-11-03,coding,0,
            2026-11-04,coding,,
            not a date,coding,2,
            2026-11-05,cooking,2,
            2026-11-06,coding,three,
            2026-11-07,coding,2,9
            """
        let result = try parse(csv)
        #expect(result.rows.map(\.line) == [2, 5])
        #expect(result.problems.map(\.line) == [3, 4, 6, 7, 8, 9])
        #expect(result.problems[0].reason.contains("clarification") && result.problems[0].reason.contains("1, 2 or 3"))
        #expect(result.problems[2].reason.contains("date"))
        #expect(result.problems[3].reason.contains("type"))
        #expect(result.problems[5].reason.contains("confidence"))
        #expect(result.rows[1].entry.scores.interviewerScores.isEmpty, "a blank score means not scored")
    }

    @Test func missingRequiredColumnIsAFileError() throws {
        #expect { try parse("foo,kind\n1,2\n") } throws: { ($0 as? MockLoopError)?.message.contains("'date'") == true }
        #expect { try parse("") } throws: { ($0 as? MockLoopError)?.fields["file"] != nil }
    }

    @Test func sameRowSameKeyAndIdsWin() throws {
        let a = try parse("date,type,question\n2026-11-01,coding,Two sum\n")
        let b = try parse("Date,Type,Question\n2026-11-01,coding,Two sum\n")
        #expect(a.rows[0].importKey == b.rows[0].importKey)
        let id = UUID()
        let c = try parse("id,date,type\n\(id.uuidString),2026-11-01,coding\n")
        #expect(c.rows[0].importKey == "id:" + id.uuidString.lowercased())
    }

    @Test func fixWithoutDimensionIsInferredFromItsWordsOrRefused() throws {
        let csv =
            "date,type,priority fix\n2026-11-01,system design,Do capacity estimation before boxes\n2026-11-02,system design,Be better\n"
        let result = try parse(csv)
        #expect(result.rows.first?.entry.retro?.priorityFix.dimension == "capacity_estimation")
        #expect(result.problems.first?.line == 3 && result.problems.first?.reason.contains("fix_dimension") == true)
    }

    @Test func exportThenImportKeepsEveryField() throws {
        let entry = LogEntry(
            id: UUID(), date: Date(timeIntervalSince1970: 1_794_000_000), type: .behavioral, mode: .paidPro, status: .completed,
            interviewer: "Sam, from \"Big Co\"", questionId: "bq-x", questionTitle: "Tell me, about a failure", rubricId: "behavioral",
            difficulty: .hard, company: "Acme", tier: .tier1, level: .staff,
            scores: ScoreSheet(
                interviewerScores: [
                    "situation_clarity": DimensionScore(score: 3, note: "=SUM(A1) set the scene, \"then\" acted"),
                    "quantified_outcomes": DimensionScore(score: 1),
                ],
                selfScores: ["quantified_outcomes": 2], confidence: 4, durationMinutes: 30, hintsUsed: 1, pauses: 2, wentEasy: true),
            isRepeat: true, notes: "line one\nline two",
            retro: Retrospective(
                wentWell: "Clear story", wentWrong: "No numbers",
                priorityFix: PriorityFix(dimension: "quantified_outcomes", text: "Lead with the number"),
                drill: Drill(text: "Rewrite 3 stories with metrics", done: true)))
        let csv = LogExport.csv([entry], rubrics: content.rubrics)
        #expect(csv.contains("note:situation_clarity"), "notes have their own columns")
        let back = try #require(try parse(csv).rows.first?.entry)
        #expect(back == entry, "the interviewer's notes come back too")
    }

    /// Notes of any shape (commas, quotes, line breaks, formula-looking starts, unicode) survive
    /// export → import on every dimension, for many generated sessions.
    @Test func notesSurviveTheRoundTripProperty() throws {
        var rng = SeededGenerator(seed: 13)
        let pieces = ["=1+2", "+x", "-y", "@z", "\t", "a,b", "\"q\"", "line\nbreak", "ünï", "  spaced  ", "plain note", "'quoted"]
        let rubric = try #require(rubrics["coding"])
        var entries: [LogEntry] = []
        for i in 0..<300 {
            var sheet = ScoreSheet()
            for d in rubric.dimensions where Bool.random(using: &rng) {
                let words = (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                let note = words.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
                sheet.interviewerScores[d.key] = DimensionScore(score: Int.random(in: 1...3, using: &rng), note: note.isEmpty ? nil : note)
            }
            if sheet.interviewerScores.isEmpty { sheet.interviewerScores[rubric.dimensions[0].key] = DimensionScore(score: 2) }
            entries.append(
                LogEntry(
                    id: UUID(), date: Date(timeIntervalSince1970: 1_790_000_000 + Double(i) * 3600), type: .coding, mode: .peer,
                    status: .completed, rubricId: rubric.id, scores: sheet))
        }
        let back = try parse(LogExport.csv(entries, rubrics: content.rubrics))
        #expect(back.problems.isEmpty)
        #expect(back.rows.map(\.entry.scores.interviewerScores) == entries.map(\.scores.interviewerScores))
    }

    @Test func aNoteWithoutItsScoreIsRefusedByColumn() throws {
        let result = try parse("date,type,score:clarification,note:communication\n2026-11-02,coding,2,talked well\n")
        #expect(result.rows.isEmpty)
        #expect(result.problems.first?.reason.contains("note:communication") == true)
    }
}
