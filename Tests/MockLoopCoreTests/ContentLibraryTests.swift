import Foundation
import Testing

@testable import MockLoopCore

@Suite struct ContentLibraryTests {
    let content = try! ContentLibrary.builtIn()

    @Test func rubricsHaveTheAgreedDimensions() throws {
        let byType = Dictionary(uniqueKeysWithValues: content.rubrics.map { ($0.type, $0) })
        #expect(
            byType[.coding]?.dimensions.map(\.key) == [
                "clarification", "approach_verbalization", "coding_execution",
                "testing_edge_cases", "optimization_discussion", "communication",
            ])
        #expect(byType[.systemDesign]?.dimensions.count == 7)
        #expect(byType[.behavioral]?.dimensions.count == 5)
        #expect(byType[.apiDesign] != nil && byType[.dataModeling] != nil)
        for rubric in content.rubrics {
            for d in rubric.dimensions { #expect(!d.score1.isEmpty && !d.score3.isEmpty && !d.question.isEmpty) }
        }
    }

    @Test func bankMeetsItsHonestDifficultyBar() throws {
        let by = Dictionary(grouping: content.questions, by: \.type)
        #expect(content.questions.count >= 60)
        let coding = by[.coding] ?? []
        #expect(coding.count >= 20)
        let mediumHard = coding.filter { $0.difficulty != .easy }.count
        #expect(Double(mediumHard) / Double(coding.count) >= 0.8)
        for q in coding { #expect((q.tests?.cases.count ?? 0) >= 8, "\(q.id) has too few tests") }
        let design = by[.systemDesign] ?? []
        #expect(design.count >= 12)
        #expect(design.filter { $0.underspecified && $0.levels.contains(.staff) }.count >= 4)
        for needle in ["rate limit", "url shortener", "feed", "rid"] {
            #expect(design.contains { ($0.title + $0.prompt).lowercased().contains(needle) }, "no design question about \(needle)")
        }
        let behavioral = by[.behavioral] ?? []
        #expect(behavioral.count >= 18)
        for theme in [
            "influence-without-authority", "navigating-ambiguity", "cross-functional-collaboration",
            "decisions-under-uncertainty", "mentorship", "handling-failure",
        ] {
            #expect(behavioral.filter { $0.topics.contains(theme) }.count >= 3, "theme \(theme)")
        }
        #expect((by[.apiDesign] ?? []).count >= 5)
        #expect((by[.dataModeling] ?? []).count >= 5)
        for q in content.questions { #expect(q.followUps.count >= 3 && q.hints.count >= 3, "\(q.id)") }
    }

    @Test func badEntryIsNamedByFileEntryAndField() throws {
        let yaml = """
            questions:
              - id: fine-one
                type: coding
                title: Fine
                prompt: Do it.
                difficulty: extreme
                topics: [arrays]
                levels: [senior]
                tiers: [tier1]
            """
        #expect {
            try ContentLibrary.parseQuestions(yaml: yaml, fileName: "mine.yaml", builtIn: false)
        } throws: { error in
            let e = error as! ContentError
            return e.file == "mine.yaml" && e.entry == "fine-one" && e.field == "difficulty" && e.problem.contains("easy, medium, hard")
        }
    }

    @Test func wrongShapeNamesThePath() throws {
        let yaml = "questions:\n  - id: x\n    title: T\n    topics: 5\n"
        #expect {
            try ContentLibrary.parseQuestions(yaml: yaml, fileName: "q.yaml", builtIn: false)
        } throws: { error in
            let text = (error as? ContentError)?.errorDescription ?? ""
            return text.contains("q.yaml") && text.contains("topics")
        }
    }

    @Test func builtInBarIsStricterThanUsersOwn() throws {
        let yaml = "- id: mine\n  type: behavioral\n  title: Tell me\n  prompt: About a time.\n  difficulty: medium\n"
        let mine = try ContentLibrary.parseQuestions(yaml: yaml, fileName: "q.yaml", builtIn: false)
        #expect(mine.first?.levels == Level.allCases)
        #expect(throws: ContentError.self) { try ContentLibrary.parseQuestions(yaml: yaml, fileName: "q.yaml", builtIn: true) }
    }

    @Test func duplicateIdsAcrossFilesAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("questions"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rubrics"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let q = QuestionDraft(content.questions[0])
        for name in ["a.yaml", "b.yaml"] {
            try ("questions: " + String(decoding: try JSONEncoder().encode([q]), as: UTF8.self))
                .write(to: dir.appendingPathComponent("questions/\(name)"), atomically: true, encoding: .utf8)
        }
        #expect {
            try ContentLibrary.load(from: dir)
        } throws: { ($0 as? ContentError)?.entry == q.id && ($0 as? ContentError)?.field == "id" }
    }

    @Test func markdownExportCarriesEveryAnchor() throws {
        let rubric = try #require(content.rubrics.first { $0.type == .systemDesign })
        let md = rubric.markdown
        #expect(md.hasPrefix("# \(rubric.name)"))
        for d in rubric.dimensions {
            #expect(md.contains("## ") && md.contains(d.name))
            #expect(md.contains("| 3 | \(d.score3.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) |"))
        }
    }
}
