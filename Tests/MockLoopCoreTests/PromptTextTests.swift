import Foundation
import Testing

@testable import MockLoopCore

/// Prompts as light Markdown: escaped HTML in the browser, reflowed text in the terminal, and
/// the facts every built-in question must carry.
@Suite struct PromptTextTests {
    @Test func rawHTMLInAPromptIsShownAsTextNeverPassedThrough() {
        let prompt = "Find <script>alert(1)</script> the `max` value.\n<img src=x onerror=alert(2)>\n\n  example(<b>) -> 1"
        let html = PromptText(prompt).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(html.contains("<code>max</code>"), "inline code, no literal backticks")
        #expect(html.contains("<pre><code>example(&lt;b&gt;) -&gt; 1</code></pre>"))
    }

    @Test func paragraphsReflowAndExamplesKeepTheirLines() {
        let prompt = "Write `f(xs)` that returns\nthe sum.\n\nExample:\n  f([1, 2]) -> 3\n  f([])     -> 0\n\n- first rule\n- second rule"
        let text = PromptText(prompt)
        #expect(text.blocks.first == .paragraph("Write `f(xs)` that returns the sum."))
        #expect(text.blocks.contains(.code("f([1, 2]) -> 3\nf([])     -> 0")))
        #expect(text.blocks.last == .list(["first rule", "second rule"]))
        let terminal = text.terminal(width: 40)
        #expect(terminal.contains("Write f(xs) that returns the sum."))
        #expect(terminal.contains("    f([])     -> 0"))
        #expect(terminal.split(separator: "\n").allSatisfy { $0.count <= 40 })
        for q in try! ContentLibrary.builtIn().questions {
            let html = PromptText(q.prompt).html
            #expect(!html.contains("`"), "\(q.id): literal backticks")
        }
    }

    @Test func builtInQuestionsNeedFactsAndAModelAnswerUsersDoNot() throws {
        let yaml = """
            - id: mine
              type: coding
              title: Mine
              prompt: Do it.
              difficulty: easy
            """
        let own = try ContentLibrary.parseQuestions(yaml: yaml, fileName: "mine.yaml", builtIn: false)
        #expect(own[0].facts == nil)
        do {
            _ = try ContentLibrary.parseQuestions(yaml: yaml, fileName: "mine.yaml", builtIn: true)
            Issue.record("a built-in question without facts was accepted")
        } catch let e as ContentError {
            #expect(e.entry == "mine")
        }
        let badFact = yaml + "\n  facts:\n    - ask: [size]\n      say: \"\"\n"
        #expect(throws: ContentError.self) { try ContentLibrary.parseQuestions(yaml: badFact, fileName: "mine.yaml", builtIn: false) }
        for q in try ContentLibrary.builtIn().questions {
            #expect(q.modelAnswer != nil, "\(q.id)")
            #expect(q.factList.count >= (q.type == .behavioral ? 2 : 3), "\(q.id)")
        }
    }

    @Test func starterCodeHasTheSignatureInTheLanguagesTheTestsRunIn() throws {
        let q = try ContentLibrary.builtIn().questions.first { $0.id == "balanced-brackets" }!
        #expect(StarterCode(question: q, language: .python)?.text.hasPrefix("def is_balanced(s):") == true)
        #expect(StarterCode(question: q, language: .javascript)?.text.hasPrefix("function is_balanced(s) {") == true)
        #expect(StarterCode(question: q, language: .cpp) == nil, "function mode runs in Python and JavaScript only")
        var stdio = q
        stdio.tests = CodeTests(mode: .stdio, cases: [TestCase(stdin: "1", stdout: "1")])
        #expect(StarterCode.languages(for: stdio) == Language.allCases)
        #expect(StarterCode(question: stdio, language: .cpp)?.text.contains("int main()") == true)
    }
}
