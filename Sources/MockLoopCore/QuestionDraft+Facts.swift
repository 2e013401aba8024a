/// The facts and model answer of a question: what the interviewer may reveal when asked, and
/// what is shown after the mock. Built-in questions must have both (the interviewer answers
/// clarifications only from facts); a user's own question may have neither.
extension QuestionDraft {
    func checkFacts(type: InterviewType?, builtIn: Bool, into problems: inout FieldProblems) {
        let facts = self.facts ?? []
        if facts.count > Bounds.listItems { problems.add("facts", "has more than \(Bounds.listItems) items") }
        for (i, f) in facts.enumerated() {
            if f.ask.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                problems.add("facts[\(i)].ask", "needs at least one word or phrase a question about it would use")
            }
            if f.ask.count > Bounds.listItems { problems.add("facts[\(i)].ask", "has more than \(Bounds.listItems) items") }
            let say = f.say.trimmingCharacters(in: .whitespacesAndNewlines)
            if say.isEmpty { problems.add("facts[\(i)].say", "is missing: what the interviewer answers") }
            if say.count > Bounds.itemCharacters { problems.add("facts[\(i)].say", "is longer than \(Bounds.itemCharacters) characters") }
        }
        if let m = modelAnswer {
            if m.outline.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.add("modelAnswer.outline", "is missing") }
            let texts = [m.outline, m.complexity ?? ""] + (m.tradeOffs ?? []) + (m.approaches ?? []) + (m.themeWords ?? [])
            if texts.contains(where: { $0.count > Bounds.itemCharacters }) {
                problems.add("modelAnswer", "has an entry longer than \(Bounds.itemCharacters) characters")
            }
        }
        guard builtIn, let type else { return }
        let least = type == .behavioral ? 2 : 3
        if facts.count < least {
            problems.add("facts", "needs at least \(least) facts the interviewer may reveal when asked (docs/content-format.md)")
        }
        guard let m = modelAnswer else {
            problems.add("modelAnswer", "is missing: a built-in question shows its model answer after the mock")
            return
        }
        switch type {
        case .coding:
            if (m.complexity ?? "").isEmpty { problems.add("modelAnswer.complexity", "is missing for a coding question") }
            if (m.approaches ?? []).count < 2 { problems.add("modelAnswer.approaches", "needs at least 2 workable approaches") }
        case .behavioral:
            if (m.themeWords ?? []).count < 5 { problems.add("modelAnswer.themeWords", "needs at least 5 words of the prompt's theme") }
        default:
            if (m.tradeOffs ?? []).isEmpty { problems.add("modelAnswer.tradeOffs", "needs at least one trade-off") }
        }
    }

    var cleanFacts: [QuestionFact]? {
        guard let facts, !facts.isEmpty else { return nil }
        return facts.map { f in
            QuestionFact(
                ask: f.ask.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty },
                say: f.say.trimmingCharacters(in: .whitespacesAndNewlines), open: f.open)
        }
    }
}
