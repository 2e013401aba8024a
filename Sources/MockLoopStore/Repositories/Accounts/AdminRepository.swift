import Fluent
import FluentSQL
import Foundation
import MockLoopCore
import SQLKit

/// What an admin sees and does: accounts with their counts (never their sessions), disabling,
/// the admin role, invites, and the audit log every action writes to.
public struct AdminRepository {
    public struct Row: Sendable {
        public var id: UUID
        public var email: String
        public var name: String
        public var isAdmin: Bool
        public var disabled: Bool
        public var createdAt: Date?
        public var sessions: Int
    }

    public static let pageSize = 50

    let db: Database
    /// The admin acting, written into the audit log.
    let actor: UUID?

    public init(db: Database, actor: UUID?) {
        self.db = db
        self.actor = actor
    }

    /// One page of accounts, newest first, whose email or name contains `search`, with the number
    /// of sessions each has; and how many match in all.
    public func users(search: String?, page: Int) async throws -> (rows: [Row], total: Int) {
        var q = UserModel.query(on: db).filter(\.$email != nil)
        if let search = search?.trimmingCharacters(in: .whitespaces).lowercased(), !search.isEmpty {
            // Names keep their case, so both sides are lowered: LIKE is case-sensitive on PostgreSQL.
            let pattern = SQLBind("%\(search)%")
            q = q.group(.or) {
                $0.filter(\.$email, .custom("LIKE"), "%\(search)%")
                    .filter(.sql(SQLBinaryExpression(SQLFunction("LOWER", args: SQLColumn("name")), .like, pattern)))
            }
        }
        let total = try await q.count()
        let users = try await q.sort(\.$createdAt, .descending).sort(\.$id).range((page - 1) * Self.pageSize..<page * Self.pageSize).all()
        var counts: [UUID: Int] = [:]
        if let sql = db as? SQLDatabase, !users.isEmpty {
            let ids = users.compactMap(\.id)
            for row in try await sql.select().column("user_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("sessions")
                .where("user_id", .in, SQLBind.group(ids)).groupBy("user_id").all()
            {
                counts[try row.decode(column: "user_id", as: UUID.self)] = try row.decode(column: "n", as: Int.self)
            }
        }
        return (
            users.map {
                Row(
                    id: $0.id!, email: $0.email ?? "", name: $0.name, isAdmin: $0.isAdmin, disabled: $0.disabled, createdAt: $0.createdAt,
                    sessions: counts[$0.id!] ?? 0)
            }, total
        )
    }

    func account(_ id: UUID) async throws -> UserModel {
        guard let user = try await UserModel.find(id, on: db), user.email != nil else { throw MockLoopError.notFound("account") }
        return user
    }

    /// Disables (signing every device out and ending its tokens' use) or enables an account.
    public func setDisabled(_ id: UUID, _ disabled: Bool) async throws {
        try await db.transaction { db in
            let repo = AdminRepository(db: db, actor: actor)
            let user = try await repo.account(id)
            if disabled, id == actor { throw MockLoopError(.conflict, "You cannot disable your own account.") }
            user.disabled = disabled
            try await user.save(on: db)
            if disabled { try await SignInRepository(db: db).revokeAll(userID: id) }
            try await PartnerCards.changed(db)  // a disabled account is suggested to no one
            try await repo.record(disabled ? "disable" : "enable", user)
        }
    }

    public func setAdmin(_ id: UUID, _ admin: Bool) async throws {
        try await db.transaction { db in
            let repo = AdminRepository(db: db, actor: actor)
            let user = try await repo.account(id)
            try await AccountRepository(db: db).setAdmin(id, admin)
            try await repo.record(admin ? "promote" : "demote", user)
        }
    }

    /// Writes one line of the audit log.
    public func record(_ action: String, _ subject: UserModel?) async throws {
        let e = AuditEventModel()
        e.at = Date()
        e.actorID = actor
        e.action = action
        e.subjectID = subject?.id
        e.subject = subject?.email
        try await e.create(on: db)
    }

    /// The latest admin actions, newest first, with the actor's email.
    public func audit(limit: Int = 200) async throws -> [(event: AuditEventModel, actor: String)] {
        let events = try await AuditEventModel.query(on: db).sort(\.$at, .descending).limit(limit).all()
        let actors = Set(events.compactMap(\.actorID))
        let emails = Dictionary(
            uniqueKeysWithValues: try await UserModel.query(on: db).filter(\.$id ~~ actors).all().map { ($0.id!, $0.email ?? $0.name) })
        return events.map { ($0, $0.actorID.flatMap { emails[$0] } ?? "command line") }
    }
}
