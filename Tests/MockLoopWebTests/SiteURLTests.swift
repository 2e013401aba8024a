import Foundation
import MockLoopServices
import Testing

/// Redirect targets taken from what a client sent stay on this site, over many generated
/// referers built from the pieces open redirects are made of.
@Suite struct SiteURLTests {
    static let pieces = [
        "/", "//", "\\", "/\\", "evil.example", "127.0.0.1:8080", "http:", "https:", "x", "sessions", "?q=1", "#f", "%2F", "@", ":", " ",
        "\t", ".",
    ]

    @Test func localPathsNeverLeaveTheSite() {
        var state: UInt64 = 2026
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        var kept = 0
        for _ in 0..<20_000 {
            let raw = (0..<(1 + next() % 6)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            guard let path = SiteURL.localPath(raw, host: "127.0.0.1:8080") else { continue }
            kept += 1
            #expect(path.hasPrefix("/") && !path.hasPrefix("//") && !path.contains("\\"), "\(raw) → \(path)")
            // Resolved against our own origin, the path stays on it.
            let resolved = URL(string: path, relativeTo: URL(string: "http://127.0.0.1:8080/"))?.absoluteURL
            #expect(resolved?.host == "127.0.0.1" && resolved?.port == 8080, "\(raw) → \(path) → \(resolved?.absoluteString ?? "nil")")
        }
        #expect(kept > 100, "the generator reaches the accepted side too")
        #expect(SiteURL.localPath("http://127.0.0.1:8080/log?type=coding", host: "127.0.0.1:8080") == "/log")
        #expect(SiteURL.localPath("http://x//evil.example/p", host: "127.0.0.1:8080") == nil)
    }

    @Test func pathsAreBuiltInOnePlace() {
        let id = UUID(uuidString: "8D1B3C52-1F4A-4E0B-9C2D-3A4B5C6D7E8F")!
        #expect(SiteURL.session(id).anchored("retro") == "/sessions/8d1b3c52-1f4a-4e0b-9c2d-3a4b5c6d7e8f#retro")
        #expect(SiteURL.question("a b/c").path == "/questions/a%20b%2Fc")
        #expect(SiteURL.apiPractice(id).path == "/api/v1/practice/8d1b3c52-1f4a-4e0b-9c2d-3a4b5c6d7e8f")
    }
}
