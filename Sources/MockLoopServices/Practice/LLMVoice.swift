import Foundation
import MockLoopAnalysis
import MockLoopCore
import Vapor

/// Where the optional interviewer model lives: any OpenAI-compatible `/v1/chat/completions`
/// (Ollama, llama.cpp server, vLLM, OpenAI), from MOCKLOOP_LLM_URL and MOCKLOOP_LLM_MODEL.
public struct LLMConfig: Sendable, Equatable {
    public var url: String
    public var model: String
    public var apiKey: String?
    public var timeoutSeconds: Double

    public init(url: String, model: String, apiKey: String? = nil, timeoutSeconds: Double = 8) {
        self.url = url
        self.model = model
        self.apiKey = apiKey
        self.timeoutSeconds = timeoutSeconds
    }

    /// nil unless both the URL and the model are set.
    public static func fromEnvironment(_ env: [String: String]) -> LLMConfig? {
        guard let url = env["MOCKLOOP_LLM_URL"], !url.isEmpty, let model = env["MOCKLOOP_LLM_MODEL"], !model.isEmpty else { return nil }
        let timeout = env["MOCKLOOP_LLM_TIMEOUT"].flatMap(Double.init).map { min(60, max(0.2, $0)) } ?? 8
        return LLMConfig(
            url: url, model: model, apiKey: env["MOCKLOOP_LLM_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }, timeoutSeconds: timeout)
    }

    /// The chat completions endpoint, whether the URL names the server, its /v1, or the endpoint.
    public var endpoint: String {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        if base.hasSuffix("/chat/completions") { return base }
        return base.hasSuffix("/v1") ? base + "/chat/completions" : base + "/v1/chat/completions"
    }
}

/// Words the interviewer's lines with a language model, within the rule engine's choice: the
/// model gets the line to say and may only rephrase it. Any error, timeout or unusable reply
/// falls back to the built-in wording, so a session never waits on, or breaks with, the model.
public struct LLMVoice: InterviewerVoice {
    let config: LLMConfig
    let client: Client
    let logger: Logger

    public init(config: LLMConfig, client: Client, logger: Logger) {
        self.config = config
        self.client = client
        self.logger = logger
    }

    public var name: String { config.model }

    struct ChatRequest: Content {
        struct Message: Content {
            var role: String
            var content: String
        }
        var model: String
        var messages: [Message]
        var temperature: Double
        // swift-format-ignore: AlwaysUseLowerCamelCase
        // The protocol's own key.
        var max_tokens: Int
        var stream: Bool
    }

    struct ChatResponse: Content {
        struct Choice: Content {
            struct Message: Content { var content: String? }
            var message: Message
        }
        var choices: [Choice]
    }

    public func phrase(_ reply: InterviewerReply, question: Question, lastAnswer: String) async -> String {
        let system = """
            You are a strict technical interviewer. Rephrase the interviewer line you are given so it sounds natural \
            after the candidate's answer. Keep its meaning and its question; ask exactly what it asks and nothing more. \
            Never give hints, never reveal or suggest a solution, never praise. One or two sentences, plain text.
            """
        let user = "Question: \(question.title)\nCandidate's last answer: \(lastAnswer.prefix(1500))\nLine to say: \(reply.text)"
        guard let text = await complete(system: system, user: user, maxTokens: 120), Self.acceptable(text, question: question, limit: 400)
        else {
            return reply.text
        }
        return text
    }

    public func summarize(_ feedback: PracticeFeedback, question: Question) async -> String? {
        let system = """
            You write the feedback summary of a mock interview from the findings given. Use only those findings; \
            do not add scores, praise or advice that is not in them. Three sentences at most, plain text.
            """
        let scores = feedback.dimensions.compactMap { d in d.aiScore.map { "\(d.name): \($0)/3" } }.joined(separator: ", ")
        let user =
            "AI scores: \(scores)\nRed flags: \(feedback.redFlags.map(\.label).joined(separator: "; "))\nPriority fix: \(feedback.topFix)"
        guard let text = await complete(system: system, user: user, maxTokens: 200), Self.acceptable(text, question: question, limit: 800)
        else {
            return nil
        }
        return text
    }

    /// The model's reply text, or nil (logged without the key or the candidate's words).
    func complete(system: String, user: String, maxTokens: Int) async -> String? {
        do {
            var headers = HTTPHeaders()
            headers.contentType = .json
            if let key = config.apiKey { headers.bearerAuthorization = BearerAuthorization(token: key) }
            var request = ClientRequest(
                method: .POST, url: URI(string: config.endpoint), headers: headers, body: nil,
                timeout: .milliseconds(Int64(config.timeoutSeconds * 1000)))
            try request.content.encode(
                ChatRequest(
                    model: config.model, messages: [.init(role: "system", content: system), .init(role: "user", content: user)],
                    temperature: 0, max_tokens: maxTokens, stream: false), as: .json)
            let response = try await client.send(request)
            guard response.status == .ok else {
                logger.warning("interviewer model answered HTTP \(response.status.code); built-in wording used")
                return nil
            }
            let chat = try response.content.decode(ChatResponse.self, using: JSONDecoder())
            guard let text = chat.choices.first?.message.content?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                logger.warning("interviewer model sent no text; built-in wording used")
                return nil
            }
            return text
        } catch {
            logger.warning("interviewer model unreachable or unreadable (\(type(of: error))); built-in wording used")
            return nil
        }
    }

    /// Short enough, and no key point of the question in it: the model must not leak the solution.
    static func acceptable(_ text: String, question: Question, limit: Int) -> Bool {
        guard text.count <= limit else { return false }
        let lower = text.lowercased()
        return !question.keyPoints.contains { point in point.count >= 12 && lower.contains(point.lowercased()) }
    }
}
