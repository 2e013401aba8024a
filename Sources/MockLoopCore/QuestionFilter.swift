import Foundation

/// What a user narrows the bank to. Empty fields match everything.
public struct QuestionFilter: Sendable, Equatable {
    public var type: InterviewType?
    public var difficulty: Difficulty?
    public var topic: String?
    public var level: Level?
    public var tier: CompanyTier?
    public var text: String?

    public init(
        type: InterviewType? = nil, difficulty: Difficulty? = nil, topic: String? = nil,
        level: Level? = nil, tier: CompanyTier? = nil, text: String? = nil
    ) {
        self.type = type
        self.difficulty = difficulty
        self.topic = topic.flatMap { $0.isEmpty ? nil : $0.lowercased() }
        self.level = level
        self.tier = tier
        self.text = text.flatMap { $0.isEmpty ? nil : $0.lowercased() }
    }

    public func matches(_ q: Question) -> Bool {
        if let type, q.type != type { return false }
        if let difficulty, q.difficulty != difficulty { return false }
        if let topic, !q.topics.contains(topic) { return false }
        if let level, !q.levels.contains(level) { return false }
        if let tier, !q.tiers.contains(tier) { return false }
        if let text, !q.title.lowercased().contains(text), !q.prompt.lowercased().contains(text) { return false }
        return true
    }

    /// Plain words for "nothing matched" messages.
    public var summary: String {
        var parts: [String] = []
        if let type { parts.append("type \(type.rawValue)") }
        if let difficulty { parts.append("difficulty \(difficulty.rawValue)") }
        if let topic { parts.append("topic \(topic)") }
        if let level { parts.append("level \(level.rawValue)") }
        if let tier { parts.append("tier \(tier.rawValue)") }
        if let text { parts.append("text \"\(text)\"") }
        return parts.isEmpty ? "no filter" : parts.joined(separator: ", ")
    }
}
