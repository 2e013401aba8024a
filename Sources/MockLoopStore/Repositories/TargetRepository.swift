import Fluent
import Foundation
import MockLoopCore

/// One user's target and the rubric they last chose per interview type.
public struct TargetRepository {
    let db: Database
    let userID: UUID

    public init(db: Database, userID: UUID) {
        self.db = db
        self.userID = userID
    }

    /// The target the user set, or nil before they have set one (the first visit asks).
    public func find() async throws -> Target? {
        guard let m = try await model(), let types = m.types else { return nil }
        return Target(
            tier: m.tier.flatMap(CompanyTier.init(rawValue:)) ?? .tier1, level: m.level.flatMap(Level.init(rawValue:)) ?? .senior,
            types: types.split(separator: ",").compactMap { InterviewType(rawValue: String($0)) },
            loopDate: m.loopDate, company: m.company)
    }

    /// The target every default reads: the user's, else the assumed Tier-1 Senior loop.
    public func current() async throws -> Target { try await find() ?? .assumed }

    public func save(_ target: Target, now: Date = Date()) async throws {
        try await upsert(now: now) { m in
            m.tier = target.tier.rawValue
            m.level = target.level.rawValue
            m.types = target.types.map(\.rawValue).joined(separator: ",")
            m.loopDate = target.loopDate
            m.company = target.company
        }
    }

    /// The rubric chosen last for a type (a clone the user made, or the one they planned with).
    public func rubricChoice(for type: InterviewType) async throws -> String? {
        guard let m = try await model() else { return nil }
        return Self.choices(m.rubricChoices)[type.rawValue]
    }

    public func rememberRubric(_ rubricID: String, for type: InterviewType, now: Date = Date()) async throws {
        try await upsert(now: now) { m in
            var choices = Self.choices(m.rubricChoices)
            choices[type.rawValue] = rubricID
            m.rubricChoices = String(decoding: try JSONEncoder().encode(choices), as: UTF8.self)
        }
    }

    /// Every type's last-chosen rubric.
    public func rubricChoices() async throws -> [String: String] {
        try await model().map { Self.choices($0.rubricChoices) } ?? [:]
    }

    static func choices(_ json: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))) ?? [:]
    }

    private func model() async throws -> TargetModel? {
        try await TargetModel.query(on: db).filter(\.$userID == userID).first()
    }

    /// One row per user: changes the row, creating it first when there is none.
    private func upsert(now: Date, _ change: (TargetModel) throws -> Void) async throws {
        let m = try await model() ?? TargetModel()
        if m.id == nil {
            m.userID = userID
            m.rubricChoices = "{}"
        }
        try change(m)
        m.updatedAt = now
        try await m.save(on: db)
    }
}
