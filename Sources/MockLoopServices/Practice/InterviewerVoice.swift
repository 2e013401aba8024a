import MockLoopAnalysis
import MockLoopCore

/// Who words the interviewer's lines. The rule engine always decides WHAT is asked; a voice
/// may only rephrase it (the optional language model) or keep the built-in wording.
public protocol InterviewerVoice: Sendable {
    func phrase(_ reply: InterviewerReply, question: Question, lastAnswer: String) async -> String
    func summarize(_ feedback: PracticeFeedback, question: Question) async -> String?
    /// "built-in" or the model's name, shown in /healthz and on the practice page.
    var name: String { get }
}

/// The deterministic wording, used without a model and whenever the model fails.
public struct BuiltInVoice: InterviewerVoice {
    public init() {}
    public func phrase(_ reply: InterviewerReply, question: Question, lastAnswer: String) async -> String { reply.text }
    public func summarize(_ feedback: PracticeFeedback, question: Question) async -> String? { nil }
    public var name: String { "built-in" }
}
