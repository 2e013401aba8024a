import Leaf
import Vapor

/// `#fieldError(errors, "name")` (or `#fieldError(errors, "score2_", d.index)`): the field's problem in a paragraph beside it, escaped, or
/// nothing. `#invalid(errors, "name")`: the matching `aria-invalid` and `aria-describedby`
/// attributes for the control. One place decides how a form shows what is wrong with a field.
struct FieldErrorTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let (id, problem) = FieldErrorTag.problem(ctx) else { return .string("") }
        return .string("<p class=\"field-error\" id=\"\(id)\">\(problem.htmlEscaped())</p>")
    }

    /// The element id and the problem for the field named by the tag's parameters, if any.
    /// The name may come in parts (`"score2_", d.index`), joined in order.
    static func problem(_ ctx: LeafContext) -> (String, String)? {
        guard ctx.parameters.count >= 2, let errors = ctx.parameters[0].dictionary else { return nil }
        let name = ctx.parameters.dropFirst().map { $0.string ?? $0.int.map(String.init) ?? "" }.joined()
        guard let problem = errors[name]?.string, !problem.isEmpty else { return nil }
        return (elementID(name), problem)
    }

    /// "dimensions[1].score2" → "err-dimensions-1-score2": a valid, stable id.
    static func elementID(_ name: String) -> String {
        "err-" + name.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
    }
}

struct InvalidTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let (id, _) = FieldErrorTag.problem(ctx) else { return .string("") }
        return .string(" aria-invalid=\"true\" aria-describedby=\"\(id)\"")
    }
}
