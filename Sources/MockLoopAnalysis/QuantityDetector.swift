/// Finds outcome figures: digits (70%, 200ms, $1.2M, 3x, 10,000) and numbers in words
/// ("seventy percent", "two hundred milliseconds", "twice as fast").
enum QuantityDetector {
    static func figures(_ tokens: Tokenizer) -> [String] { figures(tokens.words[...]) }

    static func figures(_ slice: ArraySlice<Tokenizer.Word>) -> [String] {
        var out: [String] = []
        let words = Array(slice)
        var i = 0
        while i < words.count {
            let w = words[i].text
            if w.contains(where: \.isNumber) {
                // A year or a bare list number is not an outcome; keep it only with a unit or symbol.
                let next = i + 1 < words.count ? words[i + 1].text : ""
                let hasSymbol =
                    w.contains("%") || w.hasPrefix("$")
                    || w.last.map { "kmxb".contains($0) } == true && w.dropLast().allSatisfy { $0.isNumber || $0 == "." }
                let isYear = w.count == 4 && Int(w).map { (1990...2100).contains($0) } == true
                if hasSymbol || Lexicon.units.contains(next)
                    || (!isYear && (Double(w.replacingOccurrences(of: ",", with: "")) ?? 0) >= 2 && next != "" && !isYear)
                {
                    out.append(Lexicon.units.contains(next) ? "\(w) \(next)" : w)
                    i += Lexicon.units.contains(next) ? 2 : 1
                    continue
                }
            } else if Lexicon.numberWords.contains(w) {
                var j = i
                var phrase: [String] = []
                while j < words.count, Lexicon.numberWords.contains(words[j].text) || (words[j].text == "and" && !phrase.isEmpty) {
                    phrase.append(words[j].text)
                    j += 1
                }
                let next = j < words.count ? words[j].text : ""
                if Lexicon.units.contains(next) || next == "as" && ["twice", "half", "double", "triple"].contains(w) {
                    out.append((phrase + [next]).joined(separator: " "))
                    i = j + 1
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        return out
    }
}
