import Foundation

/// An answer's sentences, normalized once (lowercase, straight apostrophes, hyphens as spaces),
/// for the lexicon detectors; the original sentences are kept as evidence a user can read.
struct PhraseMatcher {
    let sentences: [[UInt8]]
    let original: [String]

    init(_ tokens: Tokenizer) {
        original = tokens.sentences.map(\.text)
        sentences = original.map(Self.bytes)
    }

    static func normalizeBare(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// Lowercase bytes with "’" as "'" and "-" as " ", in one pass.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        let src = Array(text.lowercased().utf8)
        var out: [UInt8] = []
        out.reserveCapacity(src.count + 2)
        var i = 0
        while i < src.count {
            if src[i] == 0xE2, i + 2 < src.count, src[i + 1] == 0x80, src[i + 2] == 0x99 {
                out.append(39)
                i += 3
                continue
            }
            out.append(src[i] == 45 ? 32 : src[i])
            i += 1
        }
        return out
    }

    /// Padded with spaces so phrases that carry their own spaces (" vs ") match at the edges.
    static func bytes(_ text: String) -> [UInt8] { [32] + normalizedBytes(text) + [32] }

    func firstSentence(with phrases: Phrases, in range: Range<Int>? = nil) -> Int? {
        (range ?? 0..<sentences.count).first { phrases.contains(in: sentences[$0]) }
    }

    func sentence(_ i: Int, has phrases: Phrases) -> Bool { phrases.contains(in: sentences[i]) }

    func found(_ phrases: Phrases) -> [String] {
        var hits = Set<Int>()
        for s in sentences { hits.formUnion(phrases.hits(in: s)) }
        return hits.sorted().map { phrases.texts[$0] }
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
