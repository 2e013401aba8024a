/// A lexicon compiled once into normalized bytes, indexed by first byte, so a transcript is
/// scanned in one pass per lexicon instead of one substring search per phrase.
struct Phrases: Sendable {
    let texts: [String]
    private let bytes: [[UInt8]]
    private let byFirstByte: [[Int]]

    init(_ list: [String]) {
        texts = list.map { $0.trimmingSpaces }
        bytes = list.map { Array(PhraseMatcher.normalizeBare($0).utf8) }
        var index = [[Int]](repeating: [], count: 256)
        for (i, b) in bytes.enumerated() where !b.isEmpty { index[Int(b[0])].append(i) }
        byFirstByte = index
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || b >= 128 }

    /// Indexes of the phrases in `text` (normalized bytes), each on word boundaries.
    func hits(in text: [UInt8], stopAtFirst: Bool = false) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int>()
        let n = text.count
        for i in 0..<n {
            let candidates = byFirstByte[Int(text[i])]
            if candidates.isEmpty { continue }
            let startsWord = i == 0 || !Self.isLetter(text[i - 1])
            for p in candidates where !seen.contains(p) {
                let phrase = bytes[p]
                if Self.isLetter(phrase[0]) && !startsWord { continue }
                guard i + phrase.count <= n else { continue }
                var j = 1
                while j < phrase.count && text[i + j] == phrase[j] { j += 1 }
                guard j == phrase.count else { continue }
                if Self.isLetter(phrase[phrase.count - 1]) && i + j < n && Self.isLetter(text[i + j]) { continue }
                found.append(p)
                seen.insert(p)
                if stopAtFirst { return found }
            }
        }
        return found
    }

    func contains(in text: [UInt8]) -> Bool { !hits(in: text, stopAtFirst: true).isEmpty }
}
