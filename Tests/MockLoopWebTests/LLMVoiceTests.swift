import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices
import MockLoopTestSupport
import MockLoopWeb
import Testing
import Vapor
import VaporTesting

/// The optional interviewer model, against a local stub speaking the chat-completions protocol:
/// its wording is used when it is sound, and every failure (HTTP error, malformed or empty
/// reply, timeout, an over-long reply, a leaked key point) falls back to the built-in line.
@Suite(.serialized) struct LLMVoiceTests {
    static let question = try! ContentLibrary.builtIn().questions.first { $0.id == "balanced-brackets" }!
    static let probe = InterviewerReply(.followUp, "What are the time and space complexity of that?", rule: "complexity")

    /// The timeout is generous unless a test is about the timeout: on two busy cores a loopback
    /// round trip has taken over 2 s, and a sound reply must not fall back for that.
    static func voice(_ stub: ChatStub, model: String, key: String? = nil, timeout: Double = 30) -> LLMVoice {
        LLMVoice(
            config: LLMConfig(url: stub.url, model: model, apiKey: key, timeoutSeconds: timeout), client: stub.app.client,
            logger: Logger(label: "test"))
    }

    @Test func aSoundReplyIsUsedAndTheRequestIsWellFormed() async throws {
        let stub = try await ChatStub.start()
        let said = await Self.voice(stub, model: "ok", key: "sk-test").phrase(
            Self.probe, question: Self.question, lastAnswer: "I'd use a stack.")
        let request = stub.lastRequest
        try await stub.stop()
        #expect(said == ChatStub.reply)
        #expect(request?.auth == "Bearer sk-test")
        #expect(request?.body["model"] as? String == "ok")
        let messages = request?.body["messages"] as? [[String: String]] ?? []
        #expect(messages.map { $0["role"] } == ["system", "user"])
        #expect(messages.last?["content"]?.contains(Self.probe.text) == true, "the model is told the line to say")
        #expect(messages.first?["content"]?.contains("never reveal") == true)
    }

    @Test(arguments: ["server-error", "malformed", "no-choices", "too-long", "missing-model"])
    func failuresFallBackToTheBuiltInLine(model: String) async throws {
        let stub = try await ChatStub.start()
        let said = await Self.voice(stub, model: model).phrase(Self.probe, question: Self.question, lastAnswer: "")
        try await stub.stop()
        #expect(said == Self.probe.text)
    }

    @Test func aSlowModelIsCutOffAtTheTimeout() async throws {
        let stub = try await ChatStub.start()
        let clock = ContinuousClock()
        var said = ""
        let took = await clock.measure {
            said = await Self.voice(stub, model: "slow", timeout: 0.3).phrase(Self.probe, question: Self.question, lastAnswer: "")
        }
        try await stub.stop()
        #expect(said == Self.probe.text)
        #expect(took < .seconds(5), "the client gave up before the stub answered (took \(took))")
    }

    @Test func aReplyThatGivesAwayAKeyPointIsRefused() async throws {
        let point = try #require(Self.question.keyPoints.first { $0.count >= 12 })
        let stub = try await ChatStub.start()
        let said = await Self.voice(stub, model: "leak:\(point)").phrase(Self.probe, question: Self.question, lastAnswer: "")
        try await stub.stop()
        #expect(said == Self.probe.text)
    }

    @Test func anUnreachableServerFallsBack() async throws {
        let stub = try await ChatStub.start()
        let port = stub.port
        try await stub.stop()
        let client = try await Application.make(.testing)
        let voice = LLMVoice(
            config: LLMConfig(url: "http://127.0.0.1:\(port)/v1", model: "ok", timeoutSeconds: 1), client: client.client,
            logger: Logger(label: "test"))
        let said = await voice.phrase(Self.probe, question: Self.question, lastAnswer: "")
        try await client.asyncShutdown()
        #expect(said == Self.probe.text)
    }

    @Test func endpointsAreFoundFromAnyBaseURL() {
        #expect(LLMConfig(url: "http://h:11434", model: "m").endpoint == "http://h:11434/v1/chat/completions")
        #expect(LLMConfig(url: "http://h:11434/v1/", model: "m").endpoint == "http://h:11434/v1/chat/completions")
        #expect(LLMConfig(url: "https://api.example/v1/chat/completions", model: "m").endpoint == "https://api.example/v1/chat/completions")
        #expect(LLMConfig.fromEnvironment(["MOCKLOOP_LLM_URL": "http://h"]) == nil, "a URL without a model is off")
        #expect(
            LLMConfig.fromEnvironment(["MOCKLOOP_LLM_URL": "http://h", "MOCKLOOP_LLM_MODEL": "m", "MOCKLOOP_LLM_TIMEOUT": "0.01"])?
                .timeoutSeconds == 0.2)
    }

    @Test func aPracticeSessionUsesTheModelsWordingForTheSameProbe() async throws {
        let stub = try await ChatStub.start()
        try await withMockLoopApp(.sqlite, llm: LLMConfig(url: stub.url, model: "ok")) { app in
            let started = try await PracticeAPITests.post(
                app, "/api/v1/practice", ["type": "coding", "questionId": "balanced-brackets", "seed": 1], status: .created)
            let id = try #require(started["id"] as? String)
            let answered = try await PracticeAPITests.post(
                app, "/api/v1/practice/\(id)/answers",
                [
                    "text":
                        "I'd push opening brackets on a stack and pop on each closing one, checking the pair, and the stack must end empty."
                ])
            let probe = PracticeAPITests.turns(answered).first { $0["rule"] as? String == "complexity" }
            #expect(probe?["text"] as? String == ChatStub.reply, "the rule chose the probe; the model worded it")
            #expect(answered["voice"] as? String == "ok")
        }
        try await stub.stop()
    }

    @Test func clarificationsNeverGoThroughTheModel() async throws {
        let stub = try await ChatStub.start()
        try await withMockLoopApp(.sqlite, llm: LLMConfig(url: stub.url, model: "invent")) { app in
            let started = try await PracticeAPITests.post(
                app, "/api/v1/practice", ["type": "coding", "questionId": "balanced-brackets", "seed": 1], status: .created)
            let id = try #require(started["id"] as? String)
            let answered = try await PracticeAPITests.post(
                app, "/api/v1/practice/\(id)/answers", ["text": "How long can the string be? Can it contain letters?"])
            let said = PracticeAPITests.turns(answered).filter { $0["speaker"] as? String == "interviewer" }.compactMap {
                $0["text"] as? String
            }
            #expect(said.contains { $0.contains("Up to 100,000 characters.") }, "\(said)")
            #expect(!said.contains { $0.contains("10^9") }, "the invented constraint never reaches the candidate")
        }
        try await stub.stop()
    }
}
