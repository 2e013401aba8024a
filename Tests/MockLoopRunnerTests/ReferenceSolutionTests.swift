import Foundation
import MockLoopCore
import Testing

@testable import MockLoopRunner

extension RunnerSuite {
    /// Every built-in coding question, run through the sandbox with its reference solution: the
    /// runner agrees with scripts/check_reference_solutions.py, and a wrong answer is caught.
    @Suite struct ReferenceSolutionTests {
        static let solutions = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ReferenceSolutions")

        @Test func everyBuiltInQuestionAcceptsItsReferenceSolution() async throws {
            let coding = try ContentLibrary.builtIn().questions.filter { $0.tests != nil }
            #expect(coding.count >= 40)
            for question in coding {
                let source = try String(contentsOf: Self.solutions.appendingPathComponent(question.id + ".py"), encoding: .utf8)
                let report = try await RunnerFixture.run(source, .python, question.tests!)
                #expect(report.verdict == .accepted, "\(question.id): \(report.verdict) \(report.stderrTail ?? "")")
                #expect(report.passed == question.tests!.cases.count)
            }
        }

        /// Function-mode tests run in JavaScript too: every question's JavaScript reference
        /// solution passes them in the sandbox.
        @Test func everyFunctionQuestionAcceptsItsJavaScriptSolution() async throws {
            let coding = try ContentLibrary.builtIn().questions.filter { $0.tests?.mode == .function }
            for question in coding {
                let source = try String(contentsOf: Self.solutions.appendingPathComponent(question.id + ".js"), encoding: .utf8)
                let report = try await RunnerFixture.run(source, .javascript, question.tests!)
                #expect(report.verdict == .accepted, "\(question.id): \(report.verdict) \(report.stderrTail ?? "")")
                #expect(report.passed == question.tests!.cases.count)
            }
        }

        @Test func aSolutionReturningNothingFailsEveryQuestion() async throws {
            let coding = try ContentLibrary.builtIn().questions.filter { $0.tests != nil }.prefix(5)
            for question in coding {
                let entry = question.tests!.entryPoint!
                let report = try await RunnerFixture.run("def \(entry)(*args):\n    return None\n", .python, question.tests!)
                #expect(report.verdict == .wrongAnswer, "\(question.id)")
            }
        }
    }
}
