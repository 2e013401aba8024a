import Foundation
import MockLoopCore
import MockLoopStore
import Vapor

/// Everything of mine as one document, and that document read back here or on another
/// instance: `/archive` (page, download, upload) and `/api/v1/archive` (GET, POST).
struct ArchiveController {
    /// The bound on an upload, the archive's own.
    static let maxBody = ByteCount(value: AccountArchive.maxBytes)

    func repo(_ req: Request) throws -> ArchiveRepository { ArchiveRepository(db: req.db, userID: try req.actingUser()) }

    // MARK: API

    func export(req: Request) async throws -> Response {
        let archive = try await try repo(req).export()
        let response = JSONResponse.raw(try archive.encoded())
        response.headers.add(name: .contentDisposition, value: "attachment; filename=\"\(Self.fileName())\"")
        return response
    }

    func importArchive(req: Request) async throws -> Response {
        guard let body = req.body.data, body.readableBytes > 0 else {
            throw MockLoopError.invalid("body", "send the archive (from GET /api/v1/archive) as the request body")
        }
        let archive = try AccountArchive.decode(Data(buffer: body), fileName: "body")
        return try JSONResponse.encode(try await try repo(req).importArchive(archive))
    }

    // MARK: Pages

    func page(req: Request) async throws -> View {
        try await req.view.render("archive", ArchivePage(report: nil, errors: [:]))
    }

    func download(req: Request) async throws -> Response { try await export(req: req) }

    /// The upload form: the report, or the problem beside the file field.
    func importPage(req: Request) async throws -> Response {
        guard let file = try? req.content.get(File.self, at: "file"), file.data.readableBytes > 0 else {
            return try await refused(req, "choose the archive file (mockloop-archive-….json) to import")
        }
        do {
            let archive = try AccountArchive.decode(Data(buffer: file.data), fileName: file.filename.isEmpty ? "the file" : file.filename)
            let report = try await try repo(req).importArchive(archive)
            return try await req.view.render("archive", ArchivePage(report: report, errors: [:])).encodeResponse(for: req)
        } catch let e as MockLoopError where e.kind == .invalid || e.kind == .tooLarge {
            // Problems inside the file (a session's rubric, a score) all belong to the file field.
            return try await refused(req, e.message)
        }
    }

    func refused(_ req: Request, _ problem: String) async throws -> Response {
        try await req.view.render("archive", ArchivePage(report: nil, errors: ["file": problem]))
            .encodeResponse(status: .unprocessableEntity, for: req)
    }

    static func fileName(now: Date = Date()) -> String {
        "mockloop-archive-\(LogColumns.formatDate(now).prefix(10)).json"
    }
}

/// The archive page: what it holds, the download, the upload and the last import's report.
struct ArchivePage: Encodable {
    var report: ArchiveRepository.ImportReport?
    var summary: String?
    var errors: [String: String]

    init(report: ArchiveRepository.ImportReport?, errors: [String: String]) {
        self.report = report
        self.summary = report?.summary
        self.errors = errors
    }
}
