import Foundation

/// Ids of rubrics and questions: short, URL-safe, readable.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 80 && text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// A slug made from a title: "Design a Rate Limiter!" -> "design-a-rate-limiter".
    public static func make(from title: String) -> String {
        var out = ""
        for ch in title.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("-") && !out.isEmpty { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(60))
    }
}
