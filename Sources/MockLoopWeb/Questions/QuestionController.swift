import Foundation
import MockLoopCore
import MockLoopServices
import MockLoopStore
import Vapor
import Yams

/// The question bank: browse and filter, add one's own, pick the next one, export.
struct QuestionController {
    struct Picked: Content {
        var question: Question
        var isRepeat: Bool
        var fellBack: Bool
    }

    func repo(_ req: Request) throws -> QuestionRepository { QuestionRepository(db: req.db, userID: try req.actingUser()) }

    func filter(_ req: Request) throws -> QuestionFilter {
        QuestionFilter(
            type: try req.queryEnum(InterviewType.self, "type"), difficulty: try req.queryEnum(Difficulty.self, "difficulty"),
            topic: req.query[String.self, at: "topic"], level: try req.queryEnum(Level.self, "level"),
            tier: try req.queryEnum(CompanyTier.self, "tier"), text: req.query[String.self, at: "q"])
    }

    func matching(_ req: Request) async throws -> [Question] {
        let f = try filter(req)
        return try await try repo(req).all(type: f.type).filter(f.matches)
    }

    // MARK: API

    func list(req: Request) async throws -> [Question] { try await matching(req) }

    func show(req: Request) async throws -> Question { try await try repo(req).find(try req.pathID("question")).question }

    func delete(req: Request) async throws -> HTTPStatus {
        try await try repo(req).delete(try req.pathID("question"))
        return .noContent
    }

    func deletePage(req: Request) async throws -> Response {
        try await try repo(req).delete(try req.pathID("question"))
        return req.redirect(SiteURL.questions.query("deleted=1"))
    }

    func pick(req: Request) async throws -> Picked {
        let f = try filter(req)
        let seed = try req.queryInt("seed").map { UInt64(bitPattern: Int64($0)) } ?? UInt64.random(in: 0...UInt64.max)
        let picker = QuestionPicker(questions: try await try repo(req).all(type: f.type))
        let pick = try picker.pick(
            filter: f, seen: try await try repo(req).seenIDs(), includeSeen: req.queryBool("includeSeen"), seed: seed)
        return Picked(question: pick.question, isRepeat: pick.isRepeat, fellBack: pick.fellBack)
    }

    /// Accepts one question or a list, as JSON, or a YAML document in the content format.
    func create(req: Request) async throws -> Response {
        let drafts: [QuestionDraft]
        let type = req.headers.contentType?.description ?? ""
        if type.contains("yaml") {
            let text = req.body.string ?? ""
            let questions = try ContentLibrary.parseQuestions(yaml: text, fileName: "body", builtIn: false)
            drafts = questions.map(QuestionDraft.init)
        } else if let list = try? req.content.decode([QuestionDraft].self) {
            drafts = list
        } else {
            drafts = [try req.content.decode(QuestionDraft.self)]
        }
        let added = try await try repo(req).add(try Self.validate(drafts))
        return try await added.encodeResponse(status: .created, for: req)
    }

    /// A user's question may leave out its id: it is made from the title (a title with no
    /// Latin letters or digits still gets one), and made unique when the question is added.
    static func validate(_ drafts: [QuestionDraft]) throws -> [Question] {
        guard !drafts.isEmpty else { throw MockLoopError.invalid("body", "contains no questions") }
        guard drafts.count <= 500 else { throw MockLoopError.invalid("body", "at most 500 questions at once") }
        return try drafts.enumerated().map { i, d in
            var d = d
            if (d.id ?? "").isEmpty {
                let slug = Slug.make(from: d.title ?? "")
                d.id = slug.isEmpty ? "my-question" : slug
            }
            switch d.validated(builtIn: false) {
            case .success(let q): return q
            case .failure(let e):
                let prefix = drafts.count > 1 ? "[\(i)]." : ""
                throw MockLoopError(
                    .invalid, prefix + e.message, fields: Dictionary(uniqueKeysWithValues: e.fields.map { (prefix + $0.key, $0.value) }))
            }
        }
    }

    func export(req: Request) async throws -> Response {
        let questions = try await matching(req)
        switch req.query[String.self, at: "format"] ?? "yaml" {
        case "json":
            let data = try JSONEncoder.pretty.encode(questions)
            return download(String(decoding: data, as: UTF8.self), type: "application/json", filename: "questions.json")
        case "yaml":
            let yaml = try YAMLEncoder().encode(["questions": questions.map(QuestionDraft.init)])
            return download(yaml, type: "application/yaml; charset=utf-8", filename: "questions.yaml")
        case let other:
            throw MockLoopError.invalid("format", "must be yaml or json (got '\(other)')")
        }
    }

    // MARK: Pages

    func listPage(req: Request) async throws -> View {
        var page = QuestionsPage(
            try filter(req), all: try await repo(req).all(), builtInIDs: try await repo(req).builtInIDs(),
            query: (req.url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("deleted=") }.joined(separator: "&"))
        page.deleted = req.queryBool("deleted")
        return try await req.view.render("questions", page)
    }

    func showPage(req: Request) async throws -> View {
        let found = try await try repo(req).find(try req.pathID("question"))
        var page = QuestionPage(found.question)
        page.builtIn = found.builtIn
        return try await req.view.render("question", page)
    }

    func newPage(req: Request) async throws -> View {
        try await req.view.render(
            "question-new",
            QuestionFormPage(
                types: Choice.list(InterviewType.self, selected: "coding"), difficulties: Choice.list(Difficulty.self, selected: "medium"),
                values: [:], errors: [:]))
    }

    /// The form takes lists one item per line.
    func createPage(req: Request) async throws -> Response {
        let form = try req.content.decode([String: String].self)
        func lines(_ key: String) -> [String] {
            (form[key] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let draft = QuestionDraft(
            id: form["id"], type: form["type"], title: form["title"], prompt: form["prompt"], difficulty: form["difficulty"],
            topics: (form["topics"] ?? "").split(separator: ",").map { String($0) }, levels: nil, tiers: nil,
            followUps: lines("followUps"), hints: lines("hints"), keyPoints: lines("keyPoints"))
        do {
            let added = try await try repo(req).add(try Self.validate([draft]))
            return req.redirect(SiteURL.question(added[0].id).path)
        } catch let e as MockLoopError where e.kind == .invalid {
            let page = QuestionFormPage(
                types: Choice.list(InterviewType.self, selected: form["type"]),
                difficulties: Choice.list(Difficulty.self, selected: form["difficulty"]),
                values: form, errors: e.fields)
            return try await req.view.render("question-new", page).encodeResponse(status: .unprocessableEntity, for: req)
        }
    }
}

extension JSONEncoder {
    static var pretty: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        e.dateEncodingStrategy = .iso8601
        return e
    }
}
