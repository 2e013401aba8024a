import MockLoopServices
import Vapor

/// An address to hand someone outside the app (share links, one-time links, invites): on the
/// public URL when one is set, else on the host this request came to (HostGuard allowed it).
enum PublicLink {
    static func url(_ req: Request, _ services: AppServices, _ path: String) -> String {
        let base = services.config.publicURL?.absoluteString ?? "http://" + (req.headers.first(name: .host) ?? "127.0.0.1:8080")
        return base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path
    }
}
