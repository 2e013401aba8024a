/// Counts fillers: um/uh/er/hmm always; like, so, well, you know, basically, actually, I mean,
/// kind of, sort of only in filler position — at the start of the turn, or set off by commas.
struct FillerDetector {
    struct Count: Codable, Sendable, Equatable {
        var total: Int
        var byWord: [String: Int]
    }

    static func count(_ tokens: Tokenizer) -> Count {
        var by: [String: Int] = [:]
        let words = tokens.words
        var i = 0
        while i < words.count {
            let w = words[i]
            if Lexicon.alwaysFillers.contains(w.text) {
                by[normalize(w.text), default: 0] += 1
                i += 1
                continue
            }
            var matched = false
            for phrase in Lexicon.positionalFillers where i + phrase.count <= words.count {
                guard zip(phrase, words[i..<(i + phrase.count)]).allSatisfy({ $0 == $1.text }) else { continue }
                let last = words[i + phrase.count - 1]
                let turnStart = i == 0
                let setOff = w.commaBefore && last.commaAfter
                if turnStart || setOff {
                    by[phrase.joined(separator: " "), default: 0] += 1
                    i += phrase.count
                    matched = true
                }
                break
            }
            if !matched { i += 1 }
        }
        return Count(total: by.values.reduce(0, +), byWord: by)
    }

    static func normalize(_ word: String) -> String {
        switch word {
        case "umm", "ummm": "um"
        case "uhh", "uhm": "uh"
        case "erm": "er"
        case "hmmm", "mm": "hmm"
        default: word
        }
    }
}
