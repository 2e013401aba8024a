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
            words.append(
                Word(text: current, sentence: sentences.count, commaBefore: commaPending || words.count == sentenceStart, commaAfter: false)
            )
            commaPending = false
            current = ""
        }
        func flushSentence(question: Bool) {
            flushWord()
            if words.count > sentenceStart {
                words[words.count - 1].commaAfter = true
                sentences.append(
                    Sentence(
                        text: sentenceText.trimmingSpaces, firstWord: sentenceStart, wordCount: words.count - sentenceStart,
                        isQuestion: question))
            }
            sentenceStart = words.count
            sentenceText = ""
            commaPending = false
        }
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            sentenceText.append(ch)
            if Self.isWordCharacter(ch) {
                if ch == "’" {
                    current.append("'")
                } else if let ascii = ch.asciiValue {
                    current.append(Character(Unicode.Scalar(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii)))
                } else {
                    current.append(contentsOf: ch.lowercased())
                }
            } else if (ch == "." || ch == ",") && !current.isEmpty && current.last!.isNumber && i + 1 < chars.count && chars[i + 1].isNumber
            {
                current.append(ch == "," ? "," : ".")  // 1.5, 10,000
            } else if ch == "-" && !current.isEmpty && i + 1 < chars.count && chars[i + 1].isLetter {
                current.append("-")  // trade-off, follow-up
            } else {
                flushWord()
                switch ch {
                case ",", ";", ":", "—", "–":
                    if !words.isEmpty { words[words.count - 1].commaAfter = true }
                    commaPending = true
                case ".", "!", "…": flushSentence(question: false)
                case "?": flushSentence(question: true)
                default: break
                }
            }
        }
        flushSentence(question: false)
        // Quotes around a word ('cache') are not part of it; "i'd" keeps its apostrophe.
        for i in words.indices where words[i].text.first == "'" || words[i].text.last == "'" {
            words[i].text = String(words[i].text.drop(while: { $0 == "'" }).reversed().drop(while: { $0 == "'" }).reversed())
        }
    }

    /// Letters, digits, apostrophes, % and $; ASCII is decided without Unicode property lookups.
    static func isWordCharacter(_ ch: Character) -> Bool {
        if let a = ch.asciiValue {
            return (a >= 48 && a <= 57) || (a >= 65 && a <= 90) || (a >= 97 && a <= 122) || a == 39 || a == 37 || a == 36
        }
        return ch.isLetter || ch.isNumber || ch == "’"
    }

    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            // ASCII letters and digits, and any non-ASCII byte (letters of other scripts).
            let isWord = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte >= 128
            if isWord && !inWord { count += 1 }
            inWord = isWord
        }
        return count
    }
}

extension String {
    var trimmingSpaces: String { trimmed }
}
