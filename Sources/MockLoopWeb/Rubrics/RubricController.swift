import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor

/// Rubrics: browse, print, export as Markdown, clone and edit the clone.
struct RubricController {
    struct CloneBody: Content {
        var name: String?
    }

    struct RubricEdit: Content {
        var name: String
        var description: String?
        var dimensions: [MockLoopCore.Dimension]
    }

    func repo(_ req: Request) throws -> RubricRepository { RubricRepository(db: req.db, userID: try req.actingUser()) }

    // MARK: API

    func list(req: Request) async throws -> [Rubric] {
        try await try repo(req).all(type: try req.queryEnum(InterviewType.self, "type")).map(\.rubric)
    }

    func show(req: Request) async throws -> Rubric { try await try repo(req).find(try req.pathID("rubric")).rubric }

    func markdown(req: Request) async throws -> Response {
        let rubric = try await try repo(req).find(try req.pathID("rubric")).rubric
        return download(rubric.markdown, type: "text/markdown; charset=utf-8", filename: "\(rubric.id).md")
    }

    func clone(req: Request) async throws -> Response {
        let body = req.body.data == nil ? CloneBody() : try req.content.decode(CloneBody.self)
        let stored = try await try repo(req).clone(try req.pathID("rubric"), name: body.name)
        try await remember(stored, req)
        return try await stored.rubric.encodeResponse(status: .created, for: req)
    }

    func delete(req: Request) async throws -> HTTPStatus {
        try await try repo(req).delete(try req.pathID("rubric"))
        return .noContent
    }

    func deletePage(req: Request) async throws -> Response {
        try await try repo(req).delete(try req.pathID("rubric"))
        return req.redirect(SiteURL.rubrics.query("deleted=1"))
    }

    func update(req: Request) async throws -> Rubric {
        let edit = try req.content.decode(RubricEdit.self)
        let id = try req.pathID("rubric")
        let current = try await try repo(req).find(id).rubric
        let edited = Rubric(
            id: id, name: edit.name, type: current.type, description: edit.description ?? current.description,
            dimensions: edit.dimensions)
        return try await try repo(req).update(id, with: edited).rubric
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> View {
        try await req.view.render("rubrics", RubricsPage(try await try repo(req).all(), deleted: req.queryBool("deleted")))
    }

    func showPage(req: Request) async throws -> View {
        try await req.view.render("rubric", RubricPage(try await try repo(req).find(try req.pathID("rubric"))))
    }

    func printPage(req: Request) async throws -> View {
        try await req.view.render("rubric-print", RubricPage(try await try repo(req).find(try req.pathID("rubric"))))
    }

    func clonePage(req: Request) async throws -> Response {
        let name = try? req.content.get(String.self, at: "name")
        let stored = try await try repo(req).clone(try req.pathID("rubric"), name: name)
        try await remember(stored, req)
        return req.redirect(SiteURL.rubricEdit(stored.rubric.id).path)
    }

    /// A clone becomes the rubric a new session of its type starts with.
    func remember(_ stored: StoredRubric, _ req: Request) async throws {
        try await TargetRepository(db: req.db, userID: try req.actingUser()).rememberRubric(stored.rubric.id, for: stored.rubric.type)
    }

    func editPage(req: Request) async throws -> View {
        let stored = try await try repo(req).find(try req.pathID("rubric"))
        guard !stored.builtIn else { throw MockLoopError(.conflict, "built-in rubrics are read-only: clone it and edit the clone") }
        return try await req.view.render("rubric-edit", RubricPage(stored))
    }

    /// The edit form names fields `name_<i>`, `question_<i>`, `score1_<i>`…, one set per dimension.
    func savePage(req: Request) async throws -> Response {
        let id = try req.pathID("rubric")
        let stored = try await try repo(req).find(id)
        let form = try req.content.decode([String: String].self)
        var rubric = stored.rubric
        rubric.name = form["name"] ?? rubric.name
        rubric.description = form["description"] ?? rubric.description
        for i in rubric.dimensions.indices {
            rubric.dimensions[i].name = form["name_\(i)"] ?? rubric.dimensions[i].name
            rubric.dimensions[i].question = form["question_\(i)"] ?? rubric.dimensions[i].question
            rubric.dimensions[i].score1 = form["score1_\(i)"] ?? rubric.dimensions[i].score1
            rubric.dimensions[i].score2 = form["score2_\(i)"] ?? rubric.dimensions[i].score2
            rubric.dimensions[i].score3 = form["score3_\(i)"] ?? rubric.dimensions[i].score3
        }
        do {
            _ = try await try repo(req).update(id, with: rubric)
        } catch let e as MockLoopError where e.kind == .invalid {
            var shown = stored
            shown.rubric = rubric
            return try await req.view.render("rubric-edit", RubricPage(shown, problems: e.fields))
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        return req.redirect(SiteURL.rubric(id).path)
    }
}
