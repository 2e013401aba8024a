/// Two prompts that say the same thing in other words: long word sequences in common over a
/// large part of the shorter prompt (a copied passage), or most of its three-word phrases (a
/// rewording). A stock phrase or a shared input-format sentence alone is not a duplicate.
/// The bank grows in breadth, not in rewordings.
public enum NearDuplicates {
    /// Word sequences of this length in common are copied text.
    public static let sharedRun = 8
    /// Share of the shorter prompt's 8-word sequences found in the other: a copied passage.
    public static let copiedShare = 0.3
    /// Share of three-word phrases in common (of the smaller prompt) that makes a rewording.
    public static let phraseOverlap = 0.35

    public struct Pair: Sendable, Equatable {
        public var a: String
        public var b: String
        public var why: String
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    static func shingles(_ words: [String], _ n: Int) -> Set<String> {
        guard words.count >= n else { return [] }
        return Set((0...(words.count - n)).map { words[$0..<($0 + n)].joined(separator: " ") })
    }

    /// The pairs of questions (id, prompt) that are near-duplicates of each other.
    public static func pairs(_ prompts: [(id: String, text: String)]) -> [Pair] {
        var prepared = prompts.map { p -> (String, Set<String>, Set<String>) in
            let w = words(p.text)
            return (p.id, shingles(w, sharedRun), shingles(w, 3))
        }
        // A passage that three or more prompts share word for word is a convention (an input
        // format), not a rewording: it is left out of the copied-text comparison.
        // Likewise a three-word phrase in three or more prompts ("the number of") says nothing.
        var seenIn: [String: Int] = [:]
        for p in prepared { for s in p.1.union(p.2) { seenIn[s, default: 0] += 1 } }
        let conventions = Set(seenIn.filter { $0.value >= 3 }.keys)
        if !conventions.isEmpty { prepared = prepared.map { ($0.0, $0.1.subtracting(conventions), $0.2.subtracting(conventions)) } }
        var out: [Pair] = []
        for i in prepared.indices {
            for j in prepared.indices where j > i {
                let (a, longA, shortA) = prepared[i]
                let (b, longB, shortB) = prepared[j]
                let copied = longA.intersection(longB)
                let shorter = min(longA.count, longB.count)
                if shorter > 0, Double(copied.count) / Double(shorter) >= copiedShare {
                    out.append(
                        Pair(a: a, b: b, why: "\(copied.count) runs of \(sharedRun) words in common, e.g. \"\(copied.sorted().first!)\""))
                    continue
                }
                let smaller = min(shortA.count, shortB.count)
                guard smaller > 0 else { continue }
                let share = Double(shortA.intersection(shortB).count) / Double(smaller)
                if share >= phraseOverlap { out.append(Pair(a: a, b: b, why: "share \(Int(share * 100))% of their three-word phrases")) }
            }
        }
        return out
    }
}
