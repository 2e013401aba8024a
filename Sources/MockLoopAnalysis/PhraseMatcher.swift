/// Finds lexicon phrases in lowercased sentences; returns the phrases found and the first
/// sentence that showed one (the evidence a user sees).
struct PhraseMatcher {
    let sentences: [String]
    let original: [String]

    init(_ tokens: Tokenizer) {
        original = tokens.sentences.map(\.text)
        sentences = original.map { " " + $0.lowercased().replacingOccurrences(of: "’", with: "'") + " " }
    }

    func firstSentence(with phrases: [String], in range: Range<Int>? = nil) -> Int? {
        let r = range ?? 0..<sentences.count
        return r.first { i in phrases.contains { sentences[i].contains($0) } }
    }

    func found(_ phrases: [String], in range: Range<Int>? = nil) -> [String] {
        let r = range ?? 0..<sentences.count
        var out: [String] = []
        for p in phrases where r.contains(where: { sentences[$0].contains(p) }) { out.append(p.trimmingSpaces) }
        return out
    }
}
