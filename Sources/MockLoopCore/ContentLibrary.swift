import Foundation
import Yams

/// The built-in rubrics and questions, loaded from YAML and validated as a whole:
/// one bad entry stops the load with an error naming file, entry and field.
public struct ContentLibrary: Sendable {
    public var rubrics: [Rubric]
    public var questions: [Question]

    public init(rubrics: [Rubric], questions: [Question]) {
        self.rubrics = rubrics
        self.questions = questions
    }

    /// The content shipped with MockLoop.
    public static func builtIn() throws -> ContentLibrary {
        guard let dir = Bundle.module.resourceURL?.appendingPathComponent("Content") else {
            throw ContentError(file: "Content", problem: "the bundled content folder is missing")
        }
        return try load(from: dir)
    }

    public static func load(from dir: URL) throws -> ContentLibrary {
        let rubrics = try yamlFiles(in: dir.appendingPathComponent("rubrics")).map(loadRubric)
        var questions: [Question] = []
        for file in try yamlFiles(in: dir.appendingPathComponent("questions")) {
            questions += try loadQuestions(file: file, builtIn: true)
        }
        var ids = Set<String>()
        for q in questions where !ids.insert(q.id).inserted {
            throw ContentError(file: "questions", entry: q.id, field: "id", problem: "is used by two questions")
        }
        for type in InterviewType.allCases where !rubrics.contains(where: { $0.type == type }) {
            throw ContentError(file: "rubrics", problem: "no rubric for interview type \(type.rawValue)")
        }
        return ContentLibrary(rubrics: rubrics.sorted { $0.id < $1.id }, questions: questions)
    }

    static func loadRubric(file: URL) throws -> Rubric {
        let name = "rubrics/" + file.lastPathComponent
        let rubric: Rubric
        do { rubric = try YAMLDecoder().decode(Rubric.self, from: try String(contentsOf: file, encoding: .utf8)) } catch {
            throw ContentError.decoding(error, file: name)
        }
        do { try rubric.validate() } catch let e as MockLoopError {
            let (field, problem) = e.fields.sorted { $0.key < $1.key }.first ?? ("", e.message)
            throw ContentError(file: name, entry: rubric.id, field: field, problem: problem)
        }
        return rubric
    }

    /// Parses a question file (`questions:` list, or a bare list); used for user imports too.
    public static func loadQuestions(file: URL, builtIn: Bool) throws -> [Question] {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw ContentError(file: file.lastPathComponent, problem: "cannot be read as UTF-8 text")
        }
        return try parseQuestions(
            yaml: text, fileName: builtIn ? "questions/" + file.lastPathComponent : file.lastPathComponent, builtIn: builtIn)
    }

    public static func parseQuestions(yaml: String, fileName: String, builtIn: Bool) throws -> [Question] {
        struct File: Decodable { var questions: [QuestionDraft] }
        let drafts: [QuestionDraft]
        do {
            if let file = try? UploadedYAML.decode(File.self, from: yaml, fileName: fileName) {
                drafts = file.questions
            } else {
                drafts = try UploadedYAML.decode([QuestionDraft].self, from: yaml, fileName: fileName)
            }
        } catch let error as MockLoopError {
            throw error
        } catch let error as ContentError {
            throw error
        } catch {
            // Re-decode as the documented shape so the error points into `questions`.
            do { _ = try UploadedYAML.decode(File.self, from: yaml, fileName: fileName) } catch let error as MockLoopError {
                throw error
            } catch { throw ContentError.decoding(error, file: fileName) }
            throw ContentError.decoding(error, file: fileName)
        }
        if drafts.isEmpty { throw ContentError(file: fileName, problem: "contains no questions") }
        return try drafts.enumerated().map { index, draft in
            switch draft.validated(builtIn: builtIn) {
            case .success(let q): return q
            case .failure(let e):
                let (field, problem) = e.fields.sorted { $0.key < $1.key }.first ?? ("", e.message)
                throw ContentError(file: fileName, entry: draft.id ?? "#\(index + 1)", field: field, problem: problem)
            }
        }
    }

    private static func yamlFiles(in dir: URL) throws -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { dir.appendingPathComponent($0) }
    }
}
