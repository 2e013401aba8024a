import Foundation
import MockLoopCore
import MockLoopServices

/// /openapi.json as shipped with the app: served as it is, and read for the media types each
/// operation takes.
struct OpenAPIDocument: Sendable {
    let data: Data
    let operations: [MediaTypeGuard.Operation]

    static func load() throws -> OpenAPIDocument {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "OpenAPI"),
            let data = try? Data(contentsOf: url)
        else {
            throw MockLoopError(.unavailable, "the OpenAPI document is missing from this build")
        }
        return OpenAPIDocument(data: data, operations: try MediaTypeGuard.operations(openAPI: data))
    }
}
