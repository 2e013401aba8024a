import Foundation
import MockLoopCore
import Vapor

/// A small client for a MockLoop server's JSON API (`/openapi.json`), authenticated by the
/// personal access token `mockloop login` saved. Hand-written rather than generated: the CLI
/// needs a dozen calls whose bodies are the same Codable types the server encodes, so the
/// client is those types plus one function that sends, checks and decodes.
struct RemoteAPI {
    let client: Client
    let credentials: Credentials

    /// Runs `body` with a client, then reports a failure as the local commands do.
    static func run(_ credentials: Credentials, _ body: (RemoteAPI) async throws -> Void) async throws {
        let app = try await Application.make(Environment(name: "production", arguments: ["mockloop"]))
        app.logger.logLevel = .warning
        var failure: Error?
        do { try await body(RemoteAPI(client: app.client, credentials: credentials)) } catch { failure = error }
        try await app.asyncShutdown()
        if let failure { try CLIContext.fail(failure) }
    }

    /// Sends one request to `/api/v1/<path>`; a 2xx answer comes back, any other becomes the
    /// server's problem as a product error (401 with what to do about the token).
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String?)] = [], body: ByteBuffer? = nil,
        contentType: HTTPMediaType = .json
    ) async throws -> ClientResponse {
        var components = URLComponents(string: credentials.url + "/api/v1/" + path)
        let items = query.compactMap { name, value in value.map { URLQueryItem(name: name, value: $0) } }
        if !items.isEmpty { components?.queryItems = items }
        guard let url = components?.string else { throw MockLoopError.invalid("URL", "cannot build a request to \(path)") }
        var headers = HTTPHeaders()
        headers.add(name: .authorization, value: "Bearer \(credentials.token)")
        headers.add(name: .accept, value: "application/json")
        headers.add(name: .userAgent, value: "mockloop-cli")
        if body != nil { headers.contentType = contentType }
        let response: ClientResponse
        do {
            response = try await client.send(method, headers: headers, to: URI(string: url)) { req in req.body = body }
        } catch {
            throw MockLoopError(.unavailable, "cannot reach \(credentials.url): \(error.localizedDescription)")
        }
        guard (200..<300).contains(response.status.code) else { throw Self.problem(response, server: credentials.url) }
        return response
    }

    func get<T: Decodable>(_ path: String, query: [(String, String?)] = [], as type: T.Type = T.self) async throws -> T {
        try Self.decode(T.self, try await send(.GET, path, query: query))
    }

    func post<T: Decodable, B: Encodable>(_ path: String, json body: B, as type: T.Type = T.self) async throws -> T {
        try Self.decode(T.self, try await send(.POST, path, body: try Self.json(body)))
    }

    func post<T: Decodable>(_ path: String, as type: T.Type = T.self) async throws -> T {
        try Self.decode(T.self, try await send(.POST, path))
    }

    /// A file as the body: CSV or YAML text, or an archive's bytes, in its media type.
    func post<T: Decodable>(_ path: String, file: ByteBuffer, type: String, subType: String, as: T.Type = T.self) async throws -> T {
        try Self.decode(T.self, try await send(.POST, path, body: file, contentType: HTTPMediaType(type: type, subType: subType)))
    }

    /// The body as text (exports, CSV, YAML).
    func text(_ path: String, query: [(String, String?)] = []) async throws -> String {
        let response = try await send(.GET, path, query: query)
        return response.body.map { String(buffer: $0) } ?? ""
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: ClientResponse) throws -> T {
        let data = response.body.map { Data(buffer: $0) } ?? Data()
        do { return try decoder.decode(T.self, from: data) } catch {
            throw MockLoopError(.unavailable, "the server's answer was not what this mockloop expects (is it the same version?): \(error)")
        }
    }

    /// A JSON body with ISO 8601 dates, as the server reads them.
    static func json<B: Encodable>(_ body: B) throws -> ByteBuffer {
        let e = JSONEncoder()
        e.dateEncodingStrategy = .iso8601
        return ByteBuffer(data: try e.encode(body))
    }

    /// Dates as the server writes them: ISO 8601, with or without fractions of a second.
    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            let whole = ISO8601DateFormatter()
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            guard let date = whole.date(from: text) ?? fractional.date(from: text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "'\(text)' is not an ISO 8601 date")
            }
            return date
        }
        return d
    }()

    struct Problem: Decodable {
        var error: String
        var message: String
        var fields: [String: String]?
    }

    static func problem(_ response: ClientResponse, server: String) -> MockLoopError {
        if response.status == .unauthorized {
            return MockLoopError(
                .unauthorized,
                "\(server) refused the token (expired or revoked?): create a new one on its settings page and run mockloop login \(server)")
        }
        let problem = response.body.flatMap { try? JSONDecoder().decode(Problem.self, from: Data(buffer: $0)) }
        let kind = problem.flatMap { MockLoopError.Kind(rawValue: $0.error) } ?? .unavailable
        return MockLoopError(
            kind, problem?.message ?? "\(server) answered \(response.status.code) \(response.status.reasonPhrase)",
            fields: problem?.fields ?? [:])
    }
}
