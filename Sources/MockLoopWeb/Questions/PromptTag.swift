import Leaf
import MockLoopCore

/// `#prompt(text)`: a question's prompt as escaped HTML (paragraphs, lists, code blocks).
/// `PromptText` escapes every character of the prompt; only its own tags are unescaped.
struct PromptTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let text = ctx.parameters.first?.string else { return .string("") }
        return .string(PromptText(text).html)
    }
}
