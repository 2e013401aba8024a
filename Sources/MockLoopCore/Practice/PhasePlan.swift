/// How a timed mock splits its minutes into phases. The shares come from a 45-minute loop
/// (coding: clarify 0–2, approach 2–5, code 5–30, test 30–38, optimize 38–45) and scale to
/// any length, so a 30-minute drill keeps the same shape.
public enum PhasePlan {
    public static let minuteRange = 10...120

    /// The types the built-in interviewer runs; API design and data modeling are logged mocks only.
    public static let practiceTypes: [InterviewType] = [.coding, .systemDesign, .behavioral]

    public static func defaultMinutes(_ type: InterviewType) -> Int { type == .behavioral ? 30 : 45 }

    /// Behavioral mocks ask one story per prompt: three in 30 minutes or more, else two.
    public static func promptCount(minutes: Int) -> Int { minutes >= 30 ? 3 : 2 }

    /// `prompts`: behavioral story prompts actually chosen (default: `promptCount`).
    public static func phases(for type: InterviewType, minutes: Int, prompts: Int? = nil) -> [PracticePhase] {
        let total = Double(minutes * 60)
        let shape: [(String, String, String, Double)]
        switch type {
        case .coding:
            shape = [
                ("clarify", "Clarify", "Ask about inputs, sizes and edge cases before solving.", 2),
                ("approach", "Approach", "Say the approach and its complexity before coding.", 3),
                ("code", "Code", "Write working code, talking through it.", 25),
                ("test", "Test", "Trace an example and run edge cases.", 8),
                ("optimize", "Optimize", "Discuss complexity and better alternatives.", 7),
            ]
        case .behavioral:
            let n = max(1, prompts ?? promptCount(minutes: minutes))
            shape = (1...n).map {
                ("prompt-\($0)", "Story \($0) of \(n)", "One story: situation, your actions, the measured result, what you'd change.", 1)
            }
        default:
            shape = [
                ("requirements", "Requirements", "Pin down users, features and scale before designing.", 5),
                ("estimation", "Estimation", "Put numbers on traffic, storage and bandwidth.", 5),
                ("high-level", "High-level design", "Draw the main components and the request path.", 10),
                ("data-model", "Data model", "Tables or documents, keys and access patterns.", 5),
                ("api", "API", "The main endpoints, their inputs and outputs.", 5),
                ("deep-dive", "Deep dive", "Bottlenecks, failure modes, scaling the hot path.", 10),
                ("trade-offs", "Trade-offs", "What you chose over what, and why.", 5),
            ]
        }
        let weight = shape.reduce(0) { $0 + $1.3 }
        var at = 0.0
        return shape.map { key, title, goal, w in
            let end = at + total * w / weight
            defer { at = end }
            return PracticePhase(key: key, title: title, goal: goal, start: at.rounded(), end: end.rounded())
        }
    }
}
