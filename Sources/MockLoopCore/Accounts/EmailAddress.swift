import Foundation

/// An email address as accounts keep it: trimmed, lower case, one `@` with something on each
/// side and a dot in the domain. Delivery is not checked here.
public enum EmailAddress {
    public static let maximumLength = 254

    public static func normalize(_ raw: String?) -> String {
        (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// The problem with an address (already normalized), or nil.
    public static func problem(with email: String) -> String? {
        if email.isEmpty { return "is required" }
        if email.count > maximumLength { return "must be at most \(maximumLength) characters" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0.isNewline })
        else { return "is not an email address (like name@example.org)" }
        return nil
    }
}
