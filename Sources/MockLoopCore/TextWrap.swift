/// Words wrapped at a column width, for the terminal and the 80-column text reports; a word
/// longer than the line is cut. Paragraph breaks (newlines) are kept.
public enum TextWrap {
    public static func lines(_ text: String, width: Int = 80, indent: String = "") -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var w = String(word)
                if w.count > width - indent.count { w = String(w.prefix(width - indent.count - 1)) + "…" }
                if line.isEmpty {
                    line = indent + w
                } else if line.count + 1 + w.count <= width {
                    line += " " + w
                } else {
                    lines.append(line)
                    line = indent + w
                }
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
