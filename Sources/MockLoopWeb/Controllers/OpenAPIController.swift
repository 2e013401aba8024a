import Foundation
import MockLoopCore
import Vapor

/// Serves the OpenAPI 3.1 document that describes /api/v1 as the server implements it.
struct OpenAPIController {
    func document(req: Request) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI"),
            let data = try? Data(contentsOf: url)
        else {
            throw MockLoopError(.unavailable, "the OpenAPI document is missing from this build")
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
