import Foundation
import Yams

/// A shareable bank: questions and rubrics (with their facts and model answers) in one
/// versioned YAML file, so a bootcamp can hand its own bank to every student's instance.
///
///     pack: 1
///     name: Bootcamp week 3
///     rubrics: [...]     # optional, the rubric format
///     questions: [...]   # the question format; an id may be left out (made from the title)
public struct QuestionPack: Codable, Sendable {
    /// The format version this MockLoop writes and reads.
    public static let formatVersion = 1

    public var pack: Int
    public var name: String
    public var description: String?
    public var rubrics: [Rubric]?
    public var questions: [QuestionDraft]?

    public init(name: String, description: String? = nil, rubrics: [Rubric], questions: [Question]) {
        pack = Self.formatVersion
        self.name = name
        self.description = description
        self.rubrics = rubrics
        self.questions = questions.map(QuestionDraft.init)
    }

    /// The pack as the YAML file it is shared as.
    public func yaml() throws -> String { try YAMLEncoder().encode(self) }

    /// A pack whose every entry passed validation.
    public struct Checked: Sendable {
        public var name: String
        public var rubrics: [Rubric]
        public var questions: [Question]
    }

    /// Whether a YAML document is a pack (has the `pack:` version key) rather than a question list.
    public static func looksLikePack(_ yaml: String) -> Bool {
        yaml.split(separator: "\n").contains { $0.hasPrefix("pack:") }
    }

    /// Parses and validates a whole pack: the first problem stops it, named by file, entry and field.
    public static func parse(yaml: String, fileName: String) throws -> Checked {
        let raw: QuestionPack
        do { raw = try UploadedYAML.decode(QuestionPack.self, from: yaml, fileName: fileName) } catch let e as MockLoopError {
            throw e
        } catch let e as ContentError {
            throw e
        } catch {
            throw ContentError.decoding(error, file: fileName)
        }
        return try raw.checked(fileName: fileName)
    }

    /// Validates a decoded pack: the first problem stops it, named by file, entry and field.
    public func checked(fileName: String) throws -> Checked {
        let raw = self
        guard raw.pack == Self.formatVersion else {
            throw ContentError(
                file: fileName, field: "pack",
                problem: raw.pack > Self.formatVersion
                    ? "format version \(raw.pack) is newer than this MockLoop reads (\(Self.formatVersion)): update MockLoop"
                    : "must be \(Self.formatVersion) (got \(raw.pack))")
        }
        let name = raw.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else {
            throw ContentError(file: fileName, field: "name", problem: "must be 1–200 characters")
        }
        let drafts = raw.questions ?? []
        let rubricList = raw.rubrics ?? []
        if drafts.isEmpty && rubricList.isEmpty { throw ContentError(file: fileName, problem: "has no questions and no rubrics") }
        var rubrics: [Rubric] = []
        for (i, rubric) in rubricList.enumerated() {
            do { try rubric.validate() } catch let e as MockLoopError {
                let (field, problem) = e.fields.sorted { $0.key < $1.key }.first ?? ("", e.message)
                throw ContentError(file: fileName, entry: rubric.id.isEmpty ? "rubrics[\(i)]" : rubric.id, field: field, problem: problem)
            }
            if rubrics.contains(where: { $0.id == rubric.id }) {
                throw ContentError(file: fileName, entry: rubric.id, field: "id", problem: "is used by two rubrics in this pack")
            }
            rubrics.append(rubric)
        }
        var questions: [Question] = []
        for (i, var draft) in drafts.enumerated() {
            if (draft.id ?? "").isEmpty { draft.id = Slug.make(from: draft.title ?? "") }
            switch draft.validated(builtIn: false) {
            case .success(let q):
                if questions.contains(where: { $0.id == q.id }) {
                    throw ContentError(file: fileName, entry: q.id, field: "id", problem: "is used by two questions in this pack")
                }
                questions.append(q)
            case .failure(let e):
                let (field, problem) = e.fields.sorted { $0.key < $1.key }.first ?? ("", e.message)
                throw ContentError(
                    file: fileName, entry: draft.id.flatMap { $0.isEmpty ? nil : $0 } ?? "questions[\(i)]", field: field, problem: problem)
            }
        }
        return Checked(name: name, rubrics: rubrics, questions: questions)
    }
}
