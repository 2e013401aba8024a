/// Finds lexicon phrases in lowercased sentences, on word boundaries ("o n" does not match
/// "to normal"); returns the phrases found and the first sentence that showed one.
struct PhraseMatcher {
    let sentences: [String]
    let original: [String]

    init(_ tokens: Tokenizer) {
        original = tokens.sentences.map(\.text)
        sentences = original.map { Self.normalize($0) }
    }

    /// Lowercase, curly apostrophes straightened, hyphens as spaces ("constant-time"), padded.
    static func normalize(_ text: String) -> String {
        " " + text.lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "-", with: " ") + " "
    }

    static func contains(_ sentence: String, _ phrase: String) -> Bool {
        let needle = phrase.replacingOccurrences(of: "-", with: " ")
        var searchRange = sentence.startIndex..<sentence.endIndex
        while let r = sentence.range(of: needle, range: searchRange) {
            let before = r.lowerBound == sentence.startIndex ? " " : sentence[sentence.index(before: r.lowerBound)]
            let after = r.upperBound == sentence.endIndex ? " " : sentence[r.upperBound]
            let startsOK = !(needle.first?.isLetter ?? false) || !before.isLetter
            let endsOK = !(needle.last?.isLetter ?? false) || !after.isLetter
            if startsOK && endsOK { return true }
            searchRange = r.upperBound..<sentence.endIndex
        }
        return false
    }

    func firstSentence(with phrases: [String], in range: Range<Int>? = nil) -> Int? {
        let r = range ?? 0..<sentences.count
        return r.first { i in phrases.contains { Self.contains(sentences[i], $0) } }
    }

    func found(_ phrases: [String], in range: Range<Int>? = nil) -> [String] {
        let r = range ?? 0..<sentences.count
        return phrases.filter { p in r.contains { Self.contains(sentences[$0], p) } }.map(\.trimmingSpaces)
    }

    /// "At Brightline, …" or "… at Hexa Logistics": a named place sets the scene.
    func namesAPlace(_ i: Int) -> Bool {
        let words = original[i].split(separator: " ")
        for (a, b) in zip(words, words.dropFirst()) where a == "at" || a == "At" {
            if let first = b.first, first.isUppercase, b != "I" { return true }
        }
        return false
    }
}
