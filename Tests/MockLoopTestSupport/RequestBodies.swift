import Foundation
import MockLoopWeb
import NIOCore
import Vapor

/// Request bodies the web tests send: JSON from a dictionary, or an HTML form.
/// The form token secret of every test app.
public let formSecret = "mockloop tests: not a real secret"

public enum RequestBody {
    public static func json(_ fields: [String: Any]) -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return (headers, ByteBuffer(data: try! JSONSerialization.data(withJSONObject: fields)))
    }

    /// The form token a page would have put in its form (and its cookie), for the test apps' secret.
    public static let formToken = FormToken(secret: formSecret).mint()

    /// An HTML form post as a browser sends it: with the page's form token and cookie, unless
    /// `withToken` is false (what another site's page could send).
    public static func form(_ fields: [(String, String)], withToken: Bool = true) -> (HTTPHeaders, ByteBuffer) {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        var fields = fields
        if withToken {
            headers.add(name: .cookie, value: "\(FormToken.cookie)=\(formToken)")
            fields.append((FormToken.field, formToken))
        }
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(
            separator: "&")
        return (headers, ByteBuffer(string: body))
    }

    /// A form with one file, as a browser uploads it (multipart, with the form token).
    public static func upload(file field: String, name: String, data: Data, type: String = "application/json") -> (HTTPHeaders, ByteBuffer)
    {
        let boundary = "mockloop-test-boundary-7d2f"
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        headers.add(name: .cookie, value: "\(FormToken.cookie)=\(formToken)")
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(FormToken.field)\"\r\n\r\n\(formToken)\r\n".utf8))
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: \(type)\r\n\r\n"
                    .utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return (headers, ByteBuffer(data: body))
    }
}
