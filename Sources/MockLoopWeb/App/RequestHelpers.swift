import Foundation
import MockLoopCore
import MockLoopServices
import Vapor

extension Request {
    /// A path id, or a 404 naming what was looked for.
    func pathID(_ what: String) throws -> String {
        guard let id = parameters.get("id"), !id.isEmpty else { throw MockLoopError.notFound(what) }
        return id
    }

    func sessionID() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else {
            throw MockLoopError.notFound("session '\(parameters.get("id") ?? "")'")
        }
        return id
    }

    /// A query parameter parsed as an enum, or a 422 naming it.
    func queryEnum<E: LooseParsable>(_: E.Type, _ name: String) throws -> E? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        return try E.parsed(raw, field: name)
    }

    func queryInt(_ name: String) throws -> Int? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let n = Int(raw) else { throw MockLoopError.invalid(name, "must be a whole number (got '\(raw)')") }
        return n
    }

    func queryBool(_ name: String) -> Bool {
        guard let raw = query[String.self, at: name]?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(raw)
    }

    func queryDate(_ name: String) throws -> Date? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let d = LogDate.parse(raw) else { throw MockLoopError.invalid(name, "must be a date like 2026-11-21 (got '\(raw)')") }
        return d
    }

    func redirect(_ path: String) -> Response { redirect(to: path, redirectType: .normal) }

    /// Text a form sent either as an uploaded file or pasted into a textarea (file wins).
    func uploadedText(file fileField: String, text textField: String) -> String {
        if let file = try? content.get(File.self, at: fileField), file.data.readableBytes > 0,
            let text = file.data.getString(at: file.data.readerIndex, length: file.data.readableBytes)
        {
            return text
        }
        return (try? content.get(String.self, at: textField)) ?? ""
    }
}

/// Plain text downloads (Markdown, CSV, YAML).
func download(_ body: String, type: String, filename: String) -> Response {
    var headers = HTTPHeaders()
    headers.add(name: .contentType, value: type)
    headers.add(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
    return Response(status: .ok, headers: headers, body: .init(string: body))
}
