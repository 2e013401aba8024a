import Foundation
import NIOCore
import Vapor

/// Request bodies the web tests send: JSON from a dictionary, or an HTML form.
public enum RequestBody {
    public static func json(_ fields: [String: Any]) -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return (headers, ByteBuffer(data: try! JSONSerialization.data(withJSONObject: fields)))
    }

    public static func form(_ fields: [(String, String)]) -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
            separator: "&")
        return (headers, ByteBuffer(string: body))
    }
}
