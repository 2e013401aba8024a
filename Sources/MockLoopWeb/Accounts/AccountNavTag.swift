import Leaf
import Vapor

/// `#accountNav()`: with accounts, who is signed in and a sign-out button (or a sign-in link);
/// nothing in solo use. Read from the request, so no page has to pass it.
struct AccountNavTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let request = ctx.request, request.application.storage[AccountsOnKey.self] == true else { return .string("") }
        guard let who = request.signedIn else { return .string("<a href=\"/sign-in\">Sign in</a>") }
        let token = request.storage[FormTokenKey.self] ?? ""
        let admin = who.isAdmin ? "<a href=\"/admin\">Admin</a>" : ""
        return .string(
            admin + "<form method=\"post\" action=\"/sign-out\" class=\"sign-out\">"
                + "<input type=\"hidden\" name=\"\(FormToken.field)\" value=\"\(token)\">"
                + "<button type=\"submit\" class=\"link\" title=\"Signed in as \(who.email.htmlEscaped())\">Sign out \(who.name.htmlEscaped())</button></form>"
        )
    }
}

/// Set on the application when it runs with accounts.
struct AccountsOnKey: StorageKey { typealias Value = Bool }
