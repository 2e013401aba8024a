import MockLoopCore
import MockLoopServices
import Vapor

/// Decides whose data a request reads and writes. Until accounts exist that is the local owner
/// for every request; every repository a controller opens is scoped to this id.
struct ActingUser: AsyncMiddleware {
    let owner: UUID

    func respond(to request: Request, chainingTo next: AsyncResponder) async throws -> Response {
        request.storage[ActingUserKey.self] = owner
        return try await next.respond(to: request)
    }
}

struct ActingUserKey: StorageKey { typealias Value = UUID }

extension Request {
    /// The user acting; a request that reached no `ActingUser` is refused, never served as someone.
    func actingUser() throws -> UUID {
        guard let id = storage[ActingUserKey.self] else { throw MockLoopError(.forbidden, "no user is acting for this request") }
        return id
    }
}
