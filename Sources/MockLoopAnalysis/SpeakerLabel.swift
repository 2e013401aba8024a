/// A `Name:` label at the start of a line: one to four words of up to 40 characters, a colon,
/// then the speech. "Note: …" style words in the middle of speech are not labels.
enum SpeakerLabel {
    static func split(_ line: String) -> (speaker: String, rest: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmed
        guard !name.isEmpty, name.count <= 40, name.split(separator: " ").count <= 4,
            name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || " .'-_()".contains($0) })
        else { return nil }
        let rest = line[line.index(after: colon)...]
        // "10:30" or "https://…" are not labels: a label is followed by a space.
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        return (name, rest.trimmed)
    }
}
