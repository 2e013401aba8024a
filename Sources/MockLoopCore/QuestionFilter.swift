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
        if let topic, !q.topics.contains(where: { Self.topic($0, matches: topic) }) { return false }
        if let level, !q.levels.contains(level) { return false }
        if let tier, !q.tiers.contains(tier) { return false }
        if let text, !Self.text(text, matches: q) { return false }
        return true
    }

    /// A tag matches what was typed in any spelling a person would try: `graph` finds
    /// `graphs`, `dynamic programming` finds `dynamic-programming`, `dyn` finds it too.
    static func topic(_ tag: String, matches typed: String) -> Bool {
        let (t, q) = (Self.tagForm(tag), Self.tagForm(typed))
        guard !q.isEmpty else { return true }
        return t.hasPrefix(q) || Self.singular(t).hasPrefix(Self.singular(q))
    }

    /// Every word typed appears somewhere a person would look: the title, the prompt, the
    /// topics, the follow-ups and the hints (a plural also finds its singular).
    static func text(_ typed: String, matches q: Question) -> Bool {
        let haystack = ([q.title, q.prompt] + q.topics + q.followUps + q.hints).joined(separator: "\n").lowercased()
        return typed.split(whereSeparator: \.isWhitespace).allSatisfy { word in
            haystack.contains(word) || haystack.contains(Self.singular(String(word)))
        }
    }

    static func tagForm(_ text: String) -> String {
        text.lowercased().trimmingCharacters(in: .whitespaces).map { $0 == " " || $0 == "_" ? "-" : $0 }.map(String.init).joined()
    }

    /// "graphs" → "graph", "boxes" → "box", "queues" → "queue"; "class" stays.
    static func singular(_ word: String) -> String {
        for suffix in ["sses", "shes", "ches", "xes"] where word.hasSuffix(suffix) { return String(word.dropLast(2)) }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return String(word.dropLast()) }
        return word
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
