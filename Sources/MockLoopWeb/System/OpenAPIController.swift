import Foundation
import Vapor

/// Serves the OpenAPI 3.1 document that describes /api/v1 as the server implements it.
struct OpenAPIController {
    let document: OpenAPIDocument

    func show(req: Request) async throws -> Response {
        JSONResponse.raw(document.data)
    }
}
