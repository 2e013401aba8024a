import MockLoopCore
import Testing

@testable import MockLoopRunner

/// Each verdict, in each language, from a real run in the real sandbox.
extension RunnerSuite {
    @Suite struct VerdictTests {
        typealias F = RunnerFixture

        // MARK: Python

        @Test func pythonVerdicts() async throws {
            let tests = F.addFunction
            let ok = try await F.run("def add_pair(a, b):\n    print('debug', a)\n    return a + b\n", .python, tests)
            #expect(ok.verdict == .accepted && ok.compiled == true && ok.passed == 3)
            #expect(ok.stdout?.contains("debug 1") == true)

            let wrong = try await F.run("def add_pair(a, b):\n    return a - b\n", .python, tests)
            #expect(wrong.verdict == .wrongAnswer)
            #expect(wrong.firstFailure == FailureDetail(index: 0, input: .array([.int(1), .int(2)]), expected: .int(3), actual: .int(-1)))
            #expect(wrong.tests.map(\.verdict) == [.wrongAnswer, .wrongAnswer, .wrongAnswer])

            let crash = try await F.run("def add_pair(a, b):\n    return {}[a]\n", .python, tests)
            #expect(crash.verdict == .runtimeError)
            #expect(crash.stderrTail?.contains("KeyError") == true)

            let slow = try await F.run("def add_pair(a, b):\n    while True:\n        pass\n", .python, tests, limits: F.tight)
            #expect(slow.verdict == .timeLimit)
            #expect(slow.tests.map(\.verdict) == [.timeLimit, .skipped, .skipped])

            let broken = try await F.run("def add_pair(a, b)\n    return a + b\n", .python, tests)
            #expect(broken.verdict == .compileError && broken.compiled == false)
            #expect(broken.compileOutput?.contains("SyntaxError") == true)

            let hungry = try await F.run(
                "def add_pair(a, b):\n    x = bytearray(1 << 30)\n    return a + b\n", .python, tests, limits: F.tight)
            #expect(hungry.verdict == .memoryLimit)

            let missing = try await F.run("def add(a, b):\n    return a + b\n", .python, tests)
            #expect(missing.verdict == .runtimeError)
            #expect(missing.message?.contains("add_pair") == true)
        }

        @Test func hiddenTestsNeverShowTheirData() async throws {
            let tests = CodeTests(
                mode: .function, entryPoint: "add_pair", compare: .exact,
                cases: [
                    TestCase(args: .array([.int(1), .int(2)]), expected: .int(3), hidden: true)
                ])
            let wrong = try await F.run("def add_pair(a, b):\n    return 0\n", .python, tests)
            #expect(wrong.verdict == .wrongAnswer)
            #expect(wrong.firstFailure == nil)
            #expect(wrong.tests.first?.hidden == true)
        }

        @Test func comparisonsUnorderedAndFloat() async throws {
            let unordered = CodeTests(
                mode: .function, entryPoint: "pairs", compare: .unordered,
                cases: [
                    TestCase(args: .array([]), expected: .array([.array([.int(1), .int(2)]), .array([.int(3), .int(4)])]))
                ])
            let r1 = try await F.run("def pairs():\n    return [(3, 4), (1, 2)]\n", .python, unordered)
            #expect(r1.verdict == .accepted)
            let r2 = try await F.run("def pairs():\n    return [(3, 4)]\n", .python, unordered)
            #expect(r2.verdict == .wrongAnswer)

            let float = CodeTests(
                mode: .function, entryPoint: "third", compare: .float, tolerance: 1e-3,
                cases: [
                    TestCase(args: .array([]), expected: .double(0.333))
                ])
            #expect(try await F.run("def third():\n    return 1 / 3\n", .python, float).verdict == .accepted)
            #expect(try await F.run("def third():\n    return 0.34\n", .python, float).verdict == .wrongAnswer)
        }

        // MARK: JavaScript

        @Test func javascriptVerdicts() async throws {
            let tests = F.addFunction
            let ok = try await F.run("function addPair(a, b) { console.log('hi'); return a + b; }\n", .javascript, tests)
            #expect(ok.verdict == .accepted && ok.passed == 3)
            let exported = try await F.run("module.exports = (a, b) => a + b;\n", .javascript, tests)
            #expect(exported.verdict == .accepted)

            let wrong = try await F.run("function add_pair(a, b) { return String(a + b); }\n", .javascript, tests)
            #expect(wrong.verdict == .wrongAnswer)
            #expect(wrong.firstFailure?.actual == .string("3"))

            let crash = try await F.run("function add_pair(a, b) { return a.b.c; }\n", .javascript, tests)
            #expect(crash.verdict == .runtimeError)
            #expect(crash.stderrTail?.contains("TypeError") == true)

            let slow = try await F.run("function add_pair(a, b) { for (;;) {} }\n", .javascript, tests, limits: F.tight)
            #expect(slow.verdict == .timeLimit)

            let broken = try await F.run("function add_pair(a, b) { return a + ; }\n", .javascript, tests)
            #expect(broken.verdict == .compileError && broken.compiled == false)

            let hungry = try await F.run(
                "function add_pair(a, b) { const xs = []; for (;;) xs.push(new Array(1e6).fill(1)); }\n",
                .javascript, tests, limits: F.tight)
            #expect(hungry.verdict == .memoryLimit)
        }

        @Test func stdioInInterpretedLanguages() async throws {
            let py = try await F.run("a, b = map(int, input().split())\nprint(a + b)\n", .python, F.addStdio)
            #expect(py.verdict == .accepted && py.passed == 3)
            let js = try await F.run(
                "const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(' ').map(Number);\nconsole.log(a + b);\n",
                .javascript, F.addStdio)
            #expect(js.verdict == .accepted)
            let wrong = try await F.run("print(0)\n", .python, F.addStdio)
            #expect(wrong.verdict == .wrongAnswer)
            #expect(wrong.firstFailure?.actual == .string("0\n"))
            #expect(wrong.firstFailure?.input == .string("1 2\n"))
        }

        // MARK: C++

        @Test func cppVerdicts() async throws {
            let tests = F.addStdio
            let ok = try await F.run("#include <iostream>\nint main(){long a,b;std::cin>>a>>b;std::cout<<a+b<<\"   \\n\";}\n", .cpp, tests)
            #expect(ok.verdict == .accepted && ok.compiled == true && ok.passed == 3)

            let wrong = try await F.run("#include <iostream>\nint main(){long a,b;std::cin>>a>>b;std::cout<<a*b<<\"\\n\";}\n", .cpp, tests)
            #expect(wrong.verdict == .wrongAnswer)

            let crash = try await F.run("#include <cstdlib>\nint main(){ std::abort(); }\n", .cpp, tests)
            #expect(crash.verdict == .runtimeError)

            let slow = try await F.run("int main(){ volatile long x = 0; for(;;) x++; }\n", .cpp, tests, limits: F.tight)
            #expect(slow.verdict == .timeLimit)

            let broken = try await F.run("int main(){ return undefined_name; }\n", .cpp, tests)
            #expect(broken.verdict == .compileError && broken.compiled == false)
            #expect(broken.compileOutput?.contains("undefined_name") == true)
            #expect(broken.compileOutput?.contains("/job/") == false)

            let hungry = try await F.run(
                "#include <vector>\nint main(){ std::vector<char> v(1L<<31, 1); return v[5]; }\n", .cpp, tests, limits: F.tight)
            #expect(hungry.verdict == .memoryLimit)
        }

        // MARK: Swift

        @Test func swiftVerdicts() async throws {
            let tests = F.addStdio
            let ok = try await F.run("let p = readLine()!.split(separator: \" \").map { Int($0)! }\nprint(p[0] + p[1])\n", .swift, tests)
            #expect(ok.verdict == .accepted && ok.compiled == true)

            let wrong = try await F.run("print(1)\n", .swift, tests)
            #expect(wrong.verdict == .wrongAnswer)

            let crash = try await F.run("let xs: [Int] = []\nprint(xs[3])\n", .swift, tests)
            #expect(crash.verdict == .runtimeError)

            let broken = try await F.run("let x: Int = \"text\"\n", .swift, tests)
            #expect(broken.verdict == .compileError)
            #expect(broken.compileOutput?.contains("error") == true)

            let slow = try await F.run("var x = 0\nwhile true { x &+= 1; if x == -1 { print(x) } }\n", .swift, tests, limits: F.tight)
            #expect(slow.verdict == .timeLimit)

            let hungry = try await F.run("var a = [UInt8](repeating: 1, count: 1 << 31)\nprint(a[7])\n", .swift, tests, limits: F.tight)
            #expect(hungry.verdict == .memoryLimit || hungry.verdict == .runtimeError)
        }

        // MARK: Requests the runner refuses

        @Test func badRequestsNameTheField() async throws {
            await #expect(throws: RunnerError.badRequest("code", "is empty")) {
                try await F.run("  \n", .python, F.addFunction)
            }
            await #expect(throws: RunnerError.self) { try await F.run("int main(){}", .cpp, F.addFunction) }
            let noExpected = CodeTests(mode: .function, entryPoint: "f", cases: [TestCase(args: .array([]))])
            await #expect(throws: RunnerError.badRequest("tests.cases[0].expected", "is missing")) {
                try await F.run("def f(): pass", .python, noExpected)
            }
            let badEntry = CodeTests(mode: .function, entryPoint: "f(); import os", cases: [TestCase(args: .array([]), expected: .null)])
            await #expect(throws: RunnerError.self) { try await F.run("def f(): pass", .python, badEntry) }
        }
    }
}
