import MockLoopCore

/// The current prompt's answers as the interviewer reads them: the analyzers run over the
/// conversation so far, and what was covered in any answer counts as covered.
struct AnswerReading {
    let answers: [AnswerAnalysis]
    let last: AnswerAnalysis?
    let lastText: String
    let isFirstAnswer: Bool
    let asked: Bool
    let hasCode: Bool

    init(state: PracticeState) {
        let turns = Array(state.promptTurns.filter { $0.kind != .note && $0.kind != .run })
        var segments: [Segment] = []
        for t in turns where !t.text.isEmpty {
            segments.append(Segment(speaker: t.speaker == .candidate ? "Candidate" : "Interviewer", text: t.kind == .code ? "" : t.text))
        }
        let transcript = Transcript(format: .text, segments: segments.filter { !$0.text.isEmpty })
        let report = try? TranscriptAnalyzer(kind: state.type).analyze(transcript, candidate: "Candidate")
        answers = report?.answers ?? []
        last = answers.last
        let lastTurn = turns.last { $0.speaker == .candidate }
        lastText = lastTurn?.text ?? ""
        isFirstAnswer = state.turns.filter { $0.speaker == .candidate && $0.kind == .answer }.count == 1
        asked = lastTurn.map { t in Tokenizer(t.text).sentences.contains(where: \.isQuestion) } ?? false
        hasCode = turns.contains { $0.kind == .code } || Self.looksLikeCode(lastText)
    }

    var promptWords: Int { answers.reduce(0) { $0 + $1.words } }
    var complexity: [String] { answers.flatMap(\.technical.complexity) }
    var edgeCases: [String] { answers.flatMap(\.technical.edgeCases) }
    var tradeOffs: [String] { answers.flatMap(\.technical.tradeOffs) }
    var figures: [String] { answers.flatMap(\.quantified) }
    var reflected: Bool { answers.contains { $0.reflection.present } }

    /// Code pasted into an answer: several lines with code punctuation.
    static func looksLikeCode(_ text: String) -> Bool {
        let lines = text.split(separator: "\n")
        let codeLines = lines.filter { l in ["def ", "return", "for ", "while ", "{", "}", "=", "(", ";"].contains { l.contains($0) } }
        return lines.count >= 3 && codeLines.count * 2 >= lines.count
    }
}
