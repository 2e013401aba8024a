/// Loose word matching for the interviewer's lexical checks (facts, approaches, themes):
/// lowercased words, a plural matched to its singular, phrases matched word by word in any order.
struct WordMatch {
    let words: Set<String>

    init(_ text: String) {
        words = Set(Self.words(text))
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "^" || $0 == "'") }.map { stem(String($0)) }
    }

    /// "nodes" → "node", "queries" → "query"; short words and "ss" endings are kept.
    static func stem(_ w: String) -> String {
        var w = w
        if w.hasSuffix("'s") { w.removeLast(2) }
        if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") { return String(w.dropLast()) }
        return w
    }

    /// How many words of `phrase` this text holds, when it holds them all; else 0.
    func covers(_ phrase: String) -> Int {
        let p = Self.words(phrase)
        guard !p.isEmpty, p.allSatisfy(words.contains) else { return 0 }
        return p.count
    }

    /// Words shared with `other`, each compared on its first five letters ("betting" meets "bet").
    func shared(with other: [String], ignoring: Set<String> = []) -> Int {
        let mine = Set(words.filter { !ignoring.contains($0) }.map { String($0.prefix(5)) })
        return Set(other.flatMap(Self.words).filter { !ignoring.contains($0) }.map { String($0.prefix(5)) }).intersection(mine).count
    }
}
