import Foundation

/// One e-mail as it goes on the wire (RFC 5322 with MIME): a plain-text body and, for mocks,
/// the calendar invite attached. The Message-ID is chosen when the mail is queued and kept, so a
/// mail sent twice (a crash after the server took it) is the same mail to the receiving side.
public struct MailMessage: Equatable, Sendable {
    public struct Attachment: Equatable, Sendable {
        public var filename: String
        /// e.g. `text/calendar; method=REQUEST; charset=utf-8`
        public var contentType: String
        public var content: String

        public init(filename: String, contentType: String, content: String) {
            self.filename = filename
            self.contentType = contentType
            self.content = content
        }
    }

    public var from: String
    public var fromName: String
    public var to: String
    public var subject: String
    public var text: String
    public var attachments: [Attachment]
    /// Without angle brackets: `6f1c…@mockloop`.
    public var messageID: String
    public var date: Date

    public init(
        from: String, fromName: String, to: String, subject: String, text: String, attachments: [Attachment] = [], messageID: String,
        date: Date
    ) {
        self.from = from
        self.fromName = fromName
        self.to = to
        self.subject = subject
        self.text = text
        self.attachments = attachments
        self.messageID = messageID
        self.date = date
    }

    /// The whole message, lines ending in CRLF, every body part in base64 (so no line is long
    /// and no line is a lone dot).
    public func rendered() -> String {
        var lines = [
            "From: \(Self.encodedWord(fromName)) <\(from)>", "To: <\(to)>", "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))", "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
        ]
        let textPart = ["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""] + Self.base64Lines(text)
        if attachments.isEmpty {
            lines += textPart
        } else {
            let boundary = "=_mockloop_" + messageID.filter { $0.isLetter || $0.isNumber }.prefix(32)
            lines.append("Content-Type: multipart/mixed; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--\(boundary)")
            lines += textPart
            for a in attachments {
                lines.append("--\(boundary)")
                lines += [
                    "Content-Type: \(a.contentType)", "Content-Transfer-Encoding: base64",
                    "Content-Disposition: attachment; filename=\"\(a.filename.filter { $0 != "\"" && !$0.isNewline })\"", "",
                ]
                lines += Self.base64Lines(a.content)
            }
            lines.append("--\(boundary)--")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func base64Lines(_ s: String) -> [String] {
        let encoded = Data(s.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map {
            let start = encoded.index(encoded.startIndex, offsetBy: $0)
            return String(encoded[start..<(encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
    }

    /// A header value as is when it is plain ASCII, else as RFC 2047 encoded words of a dozen
    /// characters each on folded lines (no line grows long, no character is split).
    static func encodedWord(_ s: String) -> String {
        let clean = String(s.filter { !$0.isNewline }.prefix(250))
        if clean.allSatisfy(\.isASCII) { return clean }
        var words: [String] = []
        var chunk = ""
        for ch in clean {
            chunk.append(ch)
            if chunk.count == 12 {
                words.append(chunk)
                chunk = ""
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// "Tue, 01 Dec 2026 18:00:00 +0000"
    static func rfc5322Date(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return f.string(from: date)
    }
}
