import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Question packs: a whole bank (questions and rubrics) in one versioned YAML file, imported in
/// one transaction with a report of what was added, updated and refused, or exported to share.
struct PackController {
    let services: AppServices

    func repo(_ req: Request) throws -> PackRepository { PackRepository(db: req.db, userID: try req.actingUser()) }

    /// `POST /api/v1/packs`: the YAML pack as the body.
    func importPack(req: Request) async throws -> Response {
        let text = req.body.string ?? ""
        guard !text.isEmpty else { throw MockLoopError.invalid("body", "send the pack's YAML as the request body") }
        let report = try await try repo(req).importPack(try Self.parse(text, fileName: "body"))
        return try JSONResponse.encode(report)
    }

    /// `GET /api/v1/packs/export?name=&builtIn=`.
    func export(req: Request) async throws -> Response {
        let name = (req.query[String.self, at: "name"] ?? "My questions").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 200 else { throw MockLoopError.invalid("name", "must be 1–200 characters") }
        let pack = try await try repo(req).export(name: name, builtIn: req.queryBool("builtIn"))
        return download(try pack.yaml(), type: "application/yaml; charset=utf-8", filename: "pack.yaml")
    }

    /// The `/questions/pack` form: a file or pasted YAML; the report, or the problem beside the field.
    func importPage(req: Request) async throws -> Response {
        let text = req.uploadedText(file: "file", text: "yaml")
        let pasted = String(((try? req.content.get(String.self, at: "yaml")) ?? "").prefix(2_000_000))
        func refused(_ problem: String) async throws -> Response {
            try await req.view.render("pack", PackPage(problem: problem, report: nil, yaml: pasted))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard !text.isEmpty else { return try await refused("Choose a pack file or paste its YAML.") }
        do {
            let report = try await try repo(req).importPack(try Self.parse(text, fileName: "the pack"))
            return try await req.view.render("pack", PackPage(problem: nil, report: report)).encodeResponse(for: req)
        } catch let e as ContentError {
            return try await refused(e.errorDescription ?? e.problem)
        } catch let e as MockLoopError where e.kind == .invalid || e.kind == .tooLarge {
            return try await refused(e.message)
        }
    }

    func formPage(req: Request) async throws -> View {
        try await req.view.render("pack", PackPage(problem: nil, report: nil))
    }

    static func parse(_ text: String, fileName: String) throws -> QuestionPack.Checked {
        do { return try QuestionPack.parse(yaml: text, fileName: fileName) } catch let e as ContentError {
            throw MockLoopError(.invalid, e.errorDescription ?? e.problem, fields: [e.field ?? "pack": e.problem])
        }
    }
}

struct PackPage: Encodable {
    var title = "Import a question pack"
    var problem: String?
    var report: PackRepository.Report?
    /// Pasted YAML kept when the pack comes back with a problem.
    var yaml = ""
}
