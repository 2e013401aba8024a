import Foundation
import MockLoopCore
import Testing

@testable import MockLoopAnalysis

/// 44 hand-labelled answers (Fixtures/answers.json): every label is asserted, and the run prints
/// precision and recall per detector so a change that trades one for the other is visible.
@Suite struct FixtureTests {
    struct Fixture: Decodable {
        struct Labels: Decodable {
            var fillers: Int
            var situation, task, action, result, leadsWithImpact, actionHasI, quantified, reflection: Bool
            var complexity, edgeCases, tradeOffs: Bool
            var clarifyingQuestions: Int
            var redFlags: [String]
        }

        var id: String
        var kind: String
        var question: String
        var previousAnswer: String?
        var answer: String
        var labels: Labels
    }

    static func load(_ name: String) -> [Fixture] {
        let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")!
        struct File: Decodable { var answers: [Fixture] }
        return try! JSONDecoder().decode(File.self, from: Data(contentsOf: url)).answers
    }

    /// The set the detectors were tuned on.
    static let fixtures = load("answers")
    /// Written separately and never tuned on: how well the detectors carry over to new answers.
    static let heldOut = load("heldout")

    /// What the analyzer says about a fixture, as the same label set.
    static func predicted(_ f: Fixture) throws -> Fixture.Labels {
        let kind = InterviewType(loose: f.kind)!
        var segments = [Segment(speaker: "Interviewer", text: "Let's begin.")]
        if let previous = f.previousAnswer { segments.append(Segment(speaker: "Candidate", text: previous)) }
        segments.append(Segment(speaker: "Interviewer", text: f.question))
        segments.append(Segment(speaker: "Candidate", text: f.answer))
        let a = try TranscriptAnalyzer(kind: kind).analyzeLastAnswer(Transcript(format: .text, segments: segments), candidate: "Candidate")
        return .init(
            fillers: a.fillers.total, situation: a.star.situation.present, task: a.star.task.present, action: a.star.action.present,
            result: a.star.result.present, leadsWithImpact: a.leadsWithImpact, actionHasI: a.ownership.actionHasI,
            quantified: !a.quantified.isEmpty, reflection: a.reflection.present, complexity: !a.technical.complexity.isEmpty,
            edgeCases: !a.technical.edgeCases.isEmpty, tradeOffs: !a.technical.tradeOffs.isEmpty,
            clarifyingQuestions: a.clarifyingQuestions, redFlags: a.redFlags.map(\.rawValue).sorted())
    }

    @Test func theSetIsBigAndVaried() {
        #expect(Self.fixtures.count >= 40)
        #expect(Set(Self.fixtures.map(\.kind)) == ["behavioral", "coding", "system_design"])
    }

    @Test(arguments: fixtures.map(\.id))
    func everyLabelHolds(id: String) throws {
        let f = Self.fixtures.first { $0.id == id }!
        let p = try Self.predicted(f)
        let l = f.labels
        #expect(p.fillers == l.fillers, "fillers")
        #expect(p.situation == l.situation, "situation")
        #expect(p.task == l.task, "task")
        #expect(p.action == l.action, "action")
        #expect(p.result == l.result, "result")
        #expect(p.leadsWithImpact == l.leadsWithImpact, "leadsWithImpact")
        #expect(p.actionHasI == l.actionHasI, "actionHasI")
        #expect(p.quantified == l.quantified, "quantified")
        #expect(p.reflection == l.reflection, "reflection")
        #expect(p.complexity == l.complexity, "complexity")
        #expect(p.edgeCases == l.edgeCases, "edgeCases")
        #expect(p.tradeOffs == l.tradeOffs, "tradeOffs")
        #expect(p.clarifyingQuestions == l.clarifyingQuestions, "clarifyingQuestions")
        #expect(p.redFlags == l.redFlags.sorted(), "redFlags")
    }

    @Test func precisionAndRecallPerDetector() throws {
        let worst = try Self.report(Self.fixtures, title: "Answer analysis over \(Self.fixtures.count) labelled answers (tuning set)")
        #expect(worst >= 0.9, "a detector fell below 0.9 precision or recall")
    }

    /// Printed for honesty about generalisation; the floor only catches a detector that broke.
    @Test func heldOutSetIsReportedAndMostlyRight() throws {
        #expect(Self.heldOut.count >= 20)
        let labels = try Self.heldOut.map { ($0.labels, try Self.predicted($0)) }
        let boolKeys: [KeyPath<Fixture.Labels, Bool>] = [
            \.situation, \.task, \.action, \.result, \.leadsWithImpact, \.actionHasI,
            \.quantified, \.reflection, \.complexity, \.edgeCases, \.tradeOffs,
        ]
        let agree = labels.reduce(0) { sum, pair in sum + boolKeys.filter { pair.0[keyPath: $0] == pair.1[keyPath: $0] }.count }
        let accuracy = Double(agree) / Double(labels.count * boolKeys.count)
        _ = try Self.report(Self.heldOut, title: String(format: "Held-out set (%d answers), label accuracy %.2f", labels.count, accuracy))
        #expect(accuracy >= 0.75)
    }

    static func report(_ set: [Fixture], title: String) throws -> Double {
        let keys: [(String, KeyPath<Fixture.Labels, Bool>)] = [
            ("situation", \.situation), ("task", \.task), ("action", \.action), ("result", \.result),
            ("leadsWithImpact", \.leadsWithImpact), ("actionHasI", \.actionHasI), ("quantified", \.quantified),
            ("reflection", \.reflection), ("complexity", \.complexity), ("edgeCases", \.edgeCases), ("tradeOffs", \.tradeOffs),
        ]
        let pairs = try set.map { ($0.labels, try Self.predicted($0)) }
        var lines: [String] = []
        var worst = 1.0
        func line(_ name: String, tp: Int, fp: Int, fn: Int) {
            let precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
            worst = min(worst, precision, recall)
            lines.append(
                String(format: "%-22@ precision %.2f recall %.2f (tp %d, fp %d, fn %d)", name as NSString, precision, recall, tp, fp, fn))
        }
        for (name, kp) in keys {
            line(
                name, tp: pairs.filter { $0.0[keyPath: kp] && $0.1[keyPath: kp] }.count,
                fp: pairs.filter { !$0.0[keyPath: kp] && $0.1[keyPath: kp] }.count,
                fn: pairs.filter { $0.0[keyPath: kp] && !$0.1[keyPath: kp] }.count)
        }
        for flag in RedFlag.allCases.map(\.rawValue) {
            line(
                "flag " + flag, tp: pairs.filter { $0.0.redFlags.contains(flag) && $0.1.redFlags.contains(flag) }.count,
                fp: pairs.filter { !$0.0.redFlags.contains(flag) && $0.1.redFlags.contains(flag) }.count,
                fn: pairs.filter { $0.0.redFlags.contains(flag) && !$0.1.redFlags.contains(flag) }.count)
        }
        let fillerHits = pairs.reduce(0) { $0 + min($1.0.fillers, $1.1.fillers) }
        line(
            "fillers (counted)", tp: fillerHits, fp: pairs.reduce(0) { $0 + max(0, $1.1.fillers - $1.0.fillers) },
            fn: pairs.reduce(0) { $0 + max(0, $1.0.fillers - $1.1.fillers) })
        print(title + ":\n" + lines.joined(separator: "\n"))
        return worst
    }
}
