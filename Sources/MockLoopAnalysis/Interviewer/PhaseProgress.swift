import MockLoopCore

/// Where a coding candidate's work says they are, whatever the clock says: a stated approach
/// moves past clarifying, an approach with its complexity or any code moves to coding, a
/// passing run or a traced example moves to testing. The clock still ends phases that overrun.
public enum PhaseProgress {
    /// The phase index the work has reached (never earlier than the current one).
    public static func reached(_ state: PracticeState, starter: String) -> Int {
        guard state.type == .coding else { return state.phaseIndex }
        let answers = state.turns.filter { $0.speaker == .candidate && $0.kind == .answer }
        let covered = answers.map { $0.coverage ?? AnswerCoverage.read($0.text, type: .coding) }
        let editorCode = state.code.trimmingCharacters(in: .whitespacesAndNewlines)
        let wroteCode =
            !state.runs.isEmpty || covered.contains(where: \.code)
            || (!editorCode.isEmpty && editorCode != starter.trimmingCharacters(in: .whitespacesAndNewlines))
        let approach = covered.contains(where: \.approach)
        let complexity = covered.contains(where: \.complexity)
        var key: String?
        if state.runs.contains(where: { $0.total > 0 && $0.passed == $0.total }) || (wroteCode && covered.contains(where: \.walked)) {
            key = "test"
        } else if wroteCode || (approach && complexity) {
            key = "code"
        } else if approach {
            key = "approach"
        }
        guard let key, let index = state.phases.firstIndex(where: { $0.key == key }) else { return state.phaseIndex }
        return max(state.phaseIndex, index)
    }
}
