import Foundation

/// One booked mock as a calendar sees it. The UID stays the same for the booking's whole life
/// and the sequence goes up on every change, so a calendar replaces its copy instead of adding one.
public struct CalendarEvent: Equatable, Sendable {
    public enum Status: String, Sendable {
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    public struct Person: Equatable, Sendable {
        /// What others see: a handle, or the name once both agreed to show names.
        public var name: String
        /// Only once both agreed; otherwise the invite names no address.
        public var email: String?

        public init(name: String, email: String?) {
            self.name = name
            self.email = email
        }
    }

    public var uid: String
    public var sequence: Int
    public var status: Status
    public var start: Date
    public var minutes: Int
    public var summary: String
    public var description: String
    /// The room's address.
    public var url: String?
    public var organizer: Person
    public var attendees: [Person]
    /// When this version of the event was written.
    public var stamp: Date

    public init(
        uid: String, sequence: Int, status: Status, start: Date, minutes: Int, summary: String, description: String, url: String?,
        organizer: Person, attendees: [Person], stamp: Date
    ) {
        self.uid = uid
        self.sequence = sequence
        self.status = status
        self.start = start
        self.minutes = minutes
        self.summary = summary
        self.description = description
        self.url = url
        self.organizer = organizer
        self.attendees = attendees
        self.stamp = stamp
    }
}

/// Writes RFC 5545 calendars: an invitation (METHOD:REQUEST), its cancellation (METHOD:CANCEL),
/// or a subscribed feed (no method). Times are in UTC, so no VTIMEZONE is needed and every
/// calendar shows them in its own zone; lines end in CRLF and fold at 75 octets.
public enum ICSWriter {
    public enum Method: String, Sendable {
        case request = "REQUEST"
        case cancel = "CANCEL"
    }

    public static let productID = "-//MockLoop//Mock interviews//EN"

    /// A calendar with the events; `method` nil for a feed, which calendars subscribe to.
    public static func calendar(_ events: [CalendarEvent], method: Method?, name: String? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN"]
        if let method { lines.append("METHOD:\(method.rawValue)") }
        if let name { lines.append("X-WR-CALNAME:\(text(name))") }
        for e in events { lines += event(e, reminders: method != .cancel && e.status == .confirmed) }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func event(_ e: CalendarEvent, reminders: Bool) -> [String] {
        var lines = [
            "BEGIN:VEVENT", "UID:\(text(e.uid))", "SEQUENCE:\(e.sequence)", "DTSTAMP:\(utc(e.stamp))", "DTSTART:\(utc(e.start))",
            "DTEND:\(utc(e.start.addingTimeInterval(TimeInterval(e.minutes * 60))))", "STATUS:\(e.status.rawValue)",
            "SUMMARY:\(text(e.summary))", "DESCRIPTION:\(text(e.description))",
        ]
        if let url = e.url {
            lines.append("URL:\(url)")
            lines.append("LOCATION:\(text(url))")
        }
        lines.append("ORGANIZER;CN=\(param(e.organizer.name)):\(address(e.organizer))")
        for a in e.attendees {
            lines.append("ATTENDEE;CN=\(param(a.name));ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:\(address(a))")
        }
        if reminders {
            for (trigger, words) in [("-PT24H", "in 24 hours"), ("-PT15M", "in 15 minutes")] {
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:\(trigger)", "DESCRIPTION:\(text("\(e.summary) \(words)"))", "END:VALARM",
                ]
            }
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// A person's calendar address: their e-mail once shown, else an address that cannot
    /// receive mail (RFC 2606's .invalid), so a calendar never mails someone's handle.
    static func address(_ p: CalendarEvent.Person) -> String {
        if let email = p.email { return "mailto:\(email)" }
        let local = p.name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" }
        return "mailto:\(String(String.UnicodeScalarView(local)).prefix(40))@partners.invalid"
    }

    /// 20261130T183000Z.
    public static func utc(_ date: Date) -> String {
        let s = Int(date.timeIntervalSince1970.rounded(.down))
        let day = s >= 0 ? s / 86400 : (s - 86399) / 86400
        let c = LocalDay.civil(day)
        let t = s - day * 86400
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year, c.month, c.day, t / 3600, t % 3600 / 60, t % 60)
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines.
    static func text(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            default: out.append(ch)
            }
        }
        return out
    }

    /// A parameter value: quoted, with the characters a quoted value cannot hold removed.
    static func param(_ s: String) -> String {
        "\"" + s.filter { $0 != "\"" && !$0.isNewline && $0 != "\u{7F}" && !($0.asciiValue.map { $0 < 0x20 } ?? false) } + "\""
    }

    /// Folds a line after 75 octets, never inside a UTF-8 character, continuing with a space.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
