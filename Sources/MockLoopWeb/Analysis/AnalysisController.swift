import Foundation
import MockLoopAnalysis
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Transcript analysis: on any posted transcript, and on the transcript attached to a session.
struct AnalysisController {
    let services: AppServices

    struct AnalyzeBody: Content {
        var transcript: String
        var format: String?
        var kind: String?
        var candidate: String?
    }

    /// Parses and analyses; bad transcripts are 422s that name the line.
    static func analyze(
        _ text: String, format: String?, kind: InterviewType, candidate: String?, thresholds: AnalysisThresholds
    ) throws -> AnalysisReport {
        var chosen: Transcript.Format?
        if let format, !format.isEmpty {
            guard let f = Transcript.Format(rawValue: format.lowercased()) else {
                throw MockLoopError.invalid("format", "must be vtt, srt or text (got '\(format)')")
            }
            chosen = f
        }
        guard text.utf8.count <= TranscriptParser.maxBytes else {
            throw MockLoopError.invalid("transcript", "is larger than \(TranscriptParser.maxBytes / 1_048_576) MB")
        }
        do {
            let transcript = try TranscriptParser.parse(text, format: chosen)
            return try TranscriptAnalyzer(kind: kind, thresholds: thresholds).analyze(
                transcript, candidate: candidate.flatMap { $0.isEmpty ? nil : $0 })
        } catch let e as TranscriptError {
            throw MockLoopError.invalid("transcript", e.errorDescription ?? "cannot be read")
        }
    }

    func analyze(_ text: String, format: String?, kind: InterviewType, candidate: String?) throws -> AnalysisReport {
        try Self.analyze(text, format: format, kind: kind, candidate: candidate, thresholds: services.config.thresholds)
    }

    static func json(_ report: AnalysisReport, status: HTTPResponseStatus = .ok) throws -> Response {
        let response = JSONResponse.raw(Data(try report.json().utf8))
        response.status = status
        return response
    }

    func analyze(req: Request) async throws -> Response {
        let body = try req.content.decode(AnalyzeBody.self)
        var problems = FieldProblems()
        let parsed = InterviewType.parse(body.kind ?? "behavioral", field: "kind", into: &problems)
        let kind = try problems.checked(parsed, "kind")
        return try Self.json(try analyze(body.transcript, format: body.format, kind: kind, candidate: body.candidate))
    }

    /// Attaches a transcript to a session (its type decides the analysis) and returns the analysis.
    func attach(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let entry = try await SessionRepository(db: req.db, userID: try req.actingUser()).find(id)
        let body = try req.content.decode(AnalyzeBody.self)
        let report = try analyze(body.transcript, format: body.format, kind: entry.type, candidate: body.candidate)
        try await TranscriptRepository(db: req.db, userID: try req.actingUser())
            .attach(body.transcript, format: report.source.format, candidate: body.candidate, to: id)
        return try Self.json(report, status: .created)
    }

    func show(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let entry = try await SessionRepository(db: req.db, userID: try req.actingUser()).find(id)
        guard let t = try await TranscriptRepository(db: req.db, userID: try req.actingUser()).find(sessionID: id) else {
            throw MockLoopError.notFound("transcript for session \(id.uuidString.lowercased())")
        }
        return try Self.json(try analyze(t.text, format: t.format, kind: entry.type, candidate: t.candidate))
    }

    /// The session page's form: a file upload or pasted text.
    func attachPage(req: Request) async throws -> Response {
        let id = try req.sessionID()
        let entry = try await SessionRepository(db: req.db, userID: try req.actingUser()).find(id)
        let text = req.uploadedText(file: "file", text: "transcript")
        let candidate = try? req.content.get(String.self, at: "candidate")
        do {
            guard !text.isEmpty else { throw MockLoopError.invalid("transcript", "choose a transcript file or paste it") }
            let report = try analyze(text, format: nil, kind: entry.type, candidate: candidate)
            try await TranscriptRepository(db: req.db, userID: try req.actingUser()).attach(
                text, format: report.source.format, candidate: candidate, to: id)
            return req.redirect(SiteURL.session(id).anchored("analysis"))
        } catch let e as MockLoopError where e.kind == .invalid {
            // Back to the session page: the problem beside the transcript box, the pasted text kept.
            var page = SessionPage(try await SessionPage.Source.load(id, req: req, services: services))
            let pasted = (try? req.content.get(String.self, at: "transcript")) ?? ""
            page.keep(.transcript(text: String(pasted.prefix(200_000)), candidate: candidate ?? ""), errors: e.fields)
            return try await req.view.render("session", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}
