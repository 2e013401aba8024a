import MockLoopCore

/// The current prompt's answers as the interviewer reads them: each answer was read once when
/// it arrived (its coverage), and what any answer covered counts as covered.
struct AnswerReading {
    let answers: [AnswerCoverage]
    let last: AnswerCoverage?
    let lastText: String
    /// The prompt's first few answers: what a story is about (capped, so a reply stays cheap).
    let storyText: String
    let isFirstAnswer: Bool
    let hasCode: Bool

    init(state: PracticeState) {
        let said = state.promptTurns.filter { $0.speaker == .candidate && $0.kind == .answer }
        answers = said.map { $0.coverage ?? AnswerCoverage.read($0.text, type: state.type) }
        last = answers.last
        lastText = said.last?.text ?? ""
        storyText = said.prefix(3).map(\.text).joined(separator: " ")
        isFirstAnswer = state.turns.lazy.filter { $0.speaker == .candidate && $0.kind == .answer }.prefix(2).count == 1
        hasCode = answers.contains(where: \.code) || !state.runs.isEmpty || state.promptTurns.contains { $0.kind == .code }
    }

    var asked: Bool { (last?.questions ?? 0) > 0 }
    var promptWords: Int { answers.reduce(0) { $0 + $1.words } }
    var complexity: Bool { answers.contains(where: \.complexity) }
    var edgeCases: Bool { answers.contains(where: \.edgeCases) }
    var tradeOffs: Bool { answers.contains(where: \.tradeOffs) }
    var figures: Bool { answers.contains(where: \.figures) }
    var reflected: Bool { answers.contains(where: \.reflection) }

    /// Code pasted into an answer: several lines with code punctuation.
    static func looksLikeCode(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        let codeLines = lines.filter { l in ["def ", "return", "for ", "while ", "{", "}", "=", "(", ";"].contains { l.contains($0) } }
        return lines.count >= 3 && codeLines.count * 2 >= lines.count
    }
}
