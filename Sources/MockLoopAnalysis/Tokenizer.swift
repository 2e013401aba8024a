import Foundation

/// Splits speech into sentences and words, keeping what the detectors need: whether a word is
/// set off by commas, and where sentences begin. One pass over the characters, no regex.
public struct Tokenizer {
    public struct Word: Sendable, Equatable {
        /// Lowercased, apostrophes kept ("i'd"), digits and %/$/. kept ("70%", "1.5").
        public var text: String
        public var sentence: Int
        public var commaBefore: Bool
        public var commaAfter: Bool
    }

    public struct Sentence: Sendable, Equatable {
        public var text: String
        public var firstWord: Int
        public var wordCount: Int
        public var isQuestion: Bool
    }

    public private(set) var words: [Word] = []
    public private(set) var sentences: [Sentence] = []

    public init(_ text: String) {
        var current = ""
        var sentenceText = ""
        var sentenceStart = 0
        var commaPending = false
        func flushWord() {
            guard !current.isEmpty else { return }
            words.append(Word(text: current, sentence: sentences.count, commaBefore: commaPending || words.count == sentenceStart, commaAfter: false))
            commaPending = false
            current = ""
        }
        func flushSentence(question: Bool) {
            flushWord()
            if words.count > sentenceStart {
                words[words.count - 1].commaAfter = true
                sentences.append(Sentence(text: sentenceText.trimmingSpaces, firstWord: sentenceStart, wordCount: words.count - sentenceStart, isQuestion: question))
            }
            sentenceStart = words.count
            sentenceText = ""
            commaPending = false
        }
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            sentenceText.append(ch)
            if ch.isLetter || ch.isNumber || ch == "'" || ch == "’" || ch == "%" || ch == "$" {
                if ch == "’" { current.append("'") } else { current.append(contentsOf: ch.lowercased()) }
            } else if (ch == "." || ch == ",") && !current.isEmpty && current.last!.isNumber && i + 1 < chars.count && chars[i + 1].isNumber {
                current.append(ch == "," ? "," : ".")  // 1.5, 10,000
            } else if ch == "-" && !current.isEmpty && i + 1 < chars.count && chars[i + 1].isLetter {
                current.append("-")  // trade-off, follow-up
            } else {
                flushWord()
                switch ch {
                case ",", ";", ":", "—", "–": if !words.isEmpty { words[words.count - 1].commaAfter = true }; commaPending = true
                case ".", "!", "…": flushSentence(question: false)
                case "?": flushSentence(question: true)
                default: break
                }
            }
        }
        flushSentence(question: false)
        words = words.map { w in var w = w; w.text = w.text.trimmingCharacters(in: ["'"]); return w }
    }

    public static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for ch in text.unicodeScalars {
            let isWord = CharacterSet.alphanumerics.contains(ch)
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}

extension String {
    var trimmingSpaces: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
