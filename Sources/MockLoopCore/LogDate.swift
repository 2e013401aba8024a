import Foundation

/// Dates as logs write them: ISO 8601, a spreadsheet's 11/21/2026, Notion's
/// "November 21, 2026 2:00 PM". Times without a zone are taken as UTC.
public enum LogDate {
    static let formatters: [DateFormatter] = [
        "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "M/d/yyyy H:mm", "MMMM d, yyyy h:mm a",
        "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy",
    ].map { format in
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = format
        f.isLenient = false
        return f
    }

    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for f in formatters {
            if let d = f.date(from: trimmed) { return d }
        }
        return nil
    }
}
