import Vapor

/// The page a browser sees for any error: a headline in words, what happened once (not the
/// status phrase again), the fields at fault, and a way on.
struct ErrorPage: Encodable {
    struct Field: Encodable {
        var name: String
        var problem: String
    }

    var title: String
    var status: Int
    var message: String
    var fields: [Field]

    init(status: HTTPResponseStatus, problem: ProblemMiddleware.Problem, path: String) {
        self.status = Int(status.code)
        title = Self.headline(status)
        fields = problem.fields.sorted { $0.key < $1.key }.map { Field(name: $0.key, problem: $0.value) }
        let bare = problem.message.trimmingCharacters(in: .whitespaces)
        if status == .notFound && (bare.isEmpty || bare == status.reasonPhrase) {
            message = "There is nothing at \(path). The link may be mistyped, or what it pointed to was removed."
        } else if !fields.isEmpty && fields.allSatisfy({ bare.contains($0.problem) }) {
            // The message only repeats the fields listed below it: say it once.
            message = fields.count == 1 ? "One field needs a change:" : "These fields need a change:"
        } else if bare.isEmpty || bare == status.reasonPhrase {
            message = "The request could not be completed."
        } else {
            message = bare.prefix(1).uppercased() + bare.dropFirst()
        }
    }

    static func headline(_ status: HTTPResponseStatus) -> String {
        switch status.code {
        case 404: "Page not found"
        case 400, 422: "Please check what was sent"
        case 401: "Please sign in"
        case 403: "Not allowed"
        case 409: "That conflicts with what is saved"
        case 413: "Too large"
        case 415: "Unsupported format"
        case 421: "Wrong address for this server"
        case 429: "Too many attempts"
        case 500...: "Something went wrong on our side"
        default: status.reasonPhrase
        }
    }
}
