import Foundation
import Vapor

/// The API's JSON answers: sorted keys and ISO 8601 dates, so the same data always reads the same.
enum JSONResponse {
    static func encode<T: Encodable>(_ value: T, status: HTTPStatus = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let response = raw(try encoder.encode(value))
        response.status = status
        return response
    }

    static func raw(_ data: Data) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
