/// A question's prompt as light Markdown: paragraphs (lines reflowed), bullet lists, code and
/// examples (fenced with ``` or indented) in monospace, `inline code`. The browser gets
/// escaped HTML (raw HTML in a prompt is shown as text, never passed through: a user's own
/// question is untrusted input); the terminal gets the same blocks reflowed to its width.
public struct PromptText: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        case list([String])
        case code(String)
    }

    public let blocks: [Block]

    public init(_ markdown: String) {
        var blocks: [Block] = []
        var paragraph: [String] = []
        var list: [String] = []
        var code: [String] = []
        var fenced = false
        func flush() {
            while code.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { code.removeLast() }
            if !paragraph.isEmpty { blocks.append(.paragraph(paragraph.joined(separator: " "))) }
            if !list.isEmpty { blocks.append(.list(list)) }
            if !code.isEmpty {
                let indent =
                    code.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
                blocks.append(.code(code.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")))
            }
            paragraph = []
            list = []
            code = []
        }
        let lines = markdown.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    ").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if fenced {
                    fenced = false
                } else {
                    flush()
                    fenced = true
                }
                if !fenced { flush() }
                continue
            }
            if fenced {
                code.append(line)
            } else if trimmed.isEmpty {
                if !code.isEmpty { code.append("") } else { flush() }
            } else if line.hasPrefix("  ") && list.isEmpty || (!code.isEmpty && line.hasPrefix(" ")) {
                if !paragraph.isEmpty { flush() }
                code.append(line)
            } else if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") {
                if !paragraph.isEmpty || !code.isEmpty { flush() }
                list.append(String(trimmed.dropFirst(2)))
            } else if !list.isEmpty, line.hasPrefix(" ") {
                list[list.count - 1] += " " + trimmed
            } else {
                if !list.isEmpty || !code.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        flush()
        self.blocks = blocks
    }

    /// Escaped HTML: the only tags are the ones made here.
    public var html: String {
        blocks.map { block in
            switch block {
            case .paragraph(let text): "<p>\(Self.inline(text))</p>"
            case .list(let items): "<ul>" + items.map { "<li>\(Self.inline($0))</li>" }.joined() + "</ul>"
            case .code(let text): "<pre><code>\(Self.escaped(text))</code></pre>"
            }
        }.joined(separator: "\n")
    }

    /// For the terminal: paragraphs and list items wrapped to `width`, code kept as written.
    public func terminal(width: Int) -> String {
        let width = max(30, width)
        return blocks.map { block in
            switch block {
            case .paragraph(let text): TextWrap.lines(Self.plain(text), width: width).joined(separator: "\n")
            case .list(let items):
                items.map { item in
                    TextWrap.lines(Self.plain(item), width: width - 2).enumerated().map { ($0.offset == 0 ? "• " : "  ") + $0.element }
                        .joined(separator: "\n")
                }.joined(separator: "\n")
            case .code(let text): text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n")
    }

    /// Inline `code` as <code>; everything else escaped.
    static func inline(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return escaped(text) }
        var out = ""
        for (i, part) in parts.enumerated() {
            // An unmatched last backtick stays a backtick.
            if i % 2 == 1, i == parts.count - 1 {
                out += "`" + escaped(String(part))
                continue
            }
            out += i % 2 == 1 ? "<code>\(escaped(String(part)))</code>" : escaped(String(part))
        }
        return out
    }

    /// The text without Markdown's backticks.
    static func plain(_ text: String) -> String {
        text.split(separator: "`").count >= 3 ? text.replacingOccurrences(of: "`", with: "") : text
    }

    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
