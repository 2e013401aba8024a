import Foundation
import Testing

@testable import MockLoopCore

/// Mails as they go on the wire: CRLF lines of at most 76 characters of base64 in the body, a
/// header that survives any subject, and parts that read back as they were written.
struct MailMessageTests {
    static func message(subject: String, text: String, attachments: [MailMessage.Attachment] = []) -> MailMessage {
        MailMessage(
            from: "mocks@example.org", fromName: "MockLoop", to: "ann@example.org", subject: subject, text: text, attachments: attachments,
            messageID: "0f3c-1@mockloop", date: Date(timeIntervalSince1970: 1_796_000_000))
    }

    @Test func aMailReadsBackPartByPart() throws {
        let ics = "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
        let raw = Self.message(
            subject: "Mock booked: Coding with bob-i", text: "Hello Ann,\n.\nA line that is a dot.",
            attachments: [.init(filename: "invite.ics", contentType: "text/calendar; method=REQUEST; charset=utf-8", content: ics)]
        ).rendered()
        #expect(raw.hasSuffix("\r\n") && !raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let lines = raw.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 } && !lines.contains("."))
        #expect(lines.contains("Message-ID: <0f3c-1@mockloop>") && lines.contains("Subject: Mock booked: Coding with bob-i"))
        #expect(lines.contains("Date: Mon, 30 Nov 2026 00:53:20 +0000") && lines.contains("To: <ann@example.org>"))
        let boundary = try #require(raw.firstMatch(of: #/boundary="([^"]+)"/#).map { String($0.1) })
        let parts = raw.components(separatedBy: "--\(boundary)")
        #expect(parts.count == 4 && parts[3].hasPrefix("--"), "text, invite, closing")
        func decoded(_ part: String) -> String {
            let body = part.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            return String(decoding: Data(base64Encoded: body) ?? Data(), as: UTF8.self)
        }
        #expect(decoded(parts[1]) == "Hello Ann,\n.\nA line that is a dot.")
        #expect(parts[2].contains("Content-Type: text/calendar; method=REQUEST; charset=utf-8"))
        #expect(parts[2].contains("Content-Disposition: attachment; filename=\"invite.ics\"") && decoded(parts[2]) == ics)
    }

    /// Any subject or text, however long or strange, gives well-formed lines and a header that
    /// cannot be split by a newline.
    @Test func anySubjectStaysOneHeader() {
        var rng = SeededGenerator(seed: 9)
        let alphabet = Array("aZ ü漢🚀\r\n:<>\"=?") + ["\r\n"]
        for _ in 0..<300 {
            func text() -> String { String((0..<Int.random(in: 0...200, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }) }
            let raw = Self.message(subject: text(), text: text()).rendered()
            let folded = raw.components(separatedBy: "\r\n\r\n")[0]
            #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
            let header = folded.replacingOccurrences(of: "\r\n ", with: " ").components(separatedBy: "\r\n")
            #expect(header.count == 8, "\(header)")
            #expect(header.allSatisfy { $0.contains(": ") })
        }
    }
}
