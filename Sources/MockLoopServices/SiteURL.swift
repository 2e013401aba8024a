import Foundation

/// Every path of the site, built in one place: pages, the API's locations and redirects.
/// Ids are percent-encoded; session ids are written in lower case as the pages link them.
public enum SiteURL: Equatable, Sendable {
    case home
    case log
    case session(UUID)
    case question(String)
    case rubric(String)
    case rubricEdit(String)
    case practice(UUID)
    case apiPractice(UUID)
    case settings
    case questions
    case rubrics

    public var path: String {
        switch self {
        case .home: "/"
        case .log: "/log"
        case .session(let id): "/sessions/" + Self.id(id)
        case .question(let id): "/questions/" + Self.segment(id)
        case .rubric(let id): "/rubrics/" + Self.segment(id)
        case .rubricEdit(let id): "/rubrics/" + Self.segment(id) + "/edit"
        case .practice(let id): "/practice/" + Self.id(id)
        case .apiPractice(let id): "/api/v1/practice/" + Self.id(id)
        case .settings: "/settings"
        case .questions: "/questions"
        case .rubrics: "/rubrics"
        }
    }

    /// The path with a fragment, e.g. a session page scrolled to its retrospective.
    public func anchored(_ fragment: String) -> String { path + "#" + fragment }

    /// The path with a query string (already encoded).
    public func query(_ query: String) -> String { query.isEmpty ? path : path + "?" + query }

    static func id(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func segment(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? raw
    }

    /// A path taken from what a client sent (a Referer, a form's `next`), kept only when it is
    /// one of ours: absolute, on this site, not `//host` or `/\host` (which browsers read as
    /// another host). Anything else gives nil, and the caller uses its own default.
    public static func localPath(_ raw: String?, host: String?) -> String? {
        guard let raw, !raw.isEmpty, let url = URL(string: raw) else { return nil }
        if url.scheme != nil || url.host != nil {
            guard let host, let theirs = url.host, theirs.lowercased() == Self.hostOnly(host).lowercased() else { return nil }
        }
        let path = url.path
        guard path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"),
            path.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F })
        else { return nil }
        return path
    }

    /// "example.org:8080" → "example.org"; "[::1]:8080" → "::1".
    public static func hostOnly(_ hostHeader: String) -> String {
        if hostHeader.hasPrefix("["), let end = hostHeader.firstIndex(of: "]") {
            return String(hostHeader[hostHeader.index(after: hostHeader.startIndex)..<end])
        }
        if hostHeader.filter({ $0 == ":" }).count == 1, let colon = hostHeader.firstIndex(of: ":") {
            return String(hostHeader[..<colon])
        }
        return hostHeader
    }
}
