import Foundation

/// A moment as someone in a time zone reads it: "Tue 1 Dec, 18:00". Requests show each slot in
/// both people's zones, so neither has to convert.
public enum ZonedTime {
    public static func text(_ date: Date, zone: String) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")
        f.dateFormat = "EEE d MMM, HH:mm"
        return f.string(from: date)
    }

    /// "Tue 1 Dec, 18:00 Europe/Berlin · 09:00 America/Los_Angeles" (the date again when it differs).
    public static func both(_ date: Date, mine: String, theirs: String) -> String {
        let a = text(date, zone: mine)
        guard theirs != mine else { return "\(a) \(mine)" }
        var b = text(date, zone: theirs)
        if b.prefix(while: { $0 != "," }) == a.prefix(while: { $0 != "," }) {
            b = String(b.split(separator: ",").last ?? "").trimmingCharacters(in: .whitespaces)
        }
        return "\(a) \(mine) · \(b) \(theirs)"
    }
}
