import Foundation
import MockLoopCore
import MockLoopServices
import Testing

/// `MOCKLOOP_SMTP_URL` as people write it: each mistake named, never with the password.
struct MailConfigTests {
    static func problem(_ url: String) -> String? {
        do {
            _ = try MailConfig.parse(url, defaultFrom: "mockloop@localhost")
            return nil
        } catch let e as MockLoopError { return e.fields["MOCKLOOP_SMTP_URL"] } catch { return "\(error)" }
    }

    @Test func readsTheURL() throws {
        let c = try MailConfig.parse(
            "smtp://me%40x.org:p%40ss@smtp.example.org:587?from=mocks@example.org&retry=5&attempts=3", defaultFrom: "x@y")
        #expect(c.host == "smtp.example.org" && c.port == 587 && c.username == "me@x.org" && c.password == "p@ss")
        #expect(c.security == .startTLSIfOffered && c.from == "mocks@example.org" && c.attempts == 3)
        #expect(c.backoff(after: 1) == 5 && c.backoff(after: 3) == 20 && c.backoff(after: 40) == 6 * 3600)
        let tls = try MailConfig.parse("smtps://smtp.example.org", defaultFrom: "mockloop@localhost")
        #expect(tls.port == 465 && tls.security == .tls && tls.username == nil && tls.from == "mockloop@localhost")
        #expect(try MailConfig.parse("smtp://h?starttls=required", defaultFrom: "a@b").security == .startTLSRequired)
        #expect(try MailConfig.parse("smtp://h", defaultFrom: "a@b").port == 25)
    }

    @Test func namesEachMistakeWithoutThePassword() {
        #expect(Self.problem("http://h")?.contains("smtp:// or smtps://") == true)
        #expect(Self.problem("smtp://")?.contains("no host") == true)
        #expect(Self.problem("smtp://h?starttls=maybe")?.contains("starttls") == true)
        #expect(Self.problem("smtp://h?from=nobody")?.contains("from") == true)
        #expect(Self.problem("smtp://h?retry=-1")?.contains("retry") == true)
        #expect(Self.problem("smtp://h?attempts=0")?.contains("attempts") == true)
        #expect(Self.problem("smtp://h?ca=/no/such/file.pem")?.contains("ca") == true)
        let secret = Self.problem("smtp://user:hunter2secret@h?lease=0") ?? ""
        #expect(secret.contains("lease") && !secret.contains("hunter2"))
    }
}
