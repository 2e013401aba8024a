import Fluent
import Foundation
import MockLoopCore
import MockLoopRunner
import MockLoopStore
import Vapor

/// The application, built once at start-up from the resolved configuration and handed down to
/// the web app and the CLI: the store (migrated, seeded, with the local owner), the code runner
/// and the interviewer's voice. Per-request services are made from it for one user.
public struct AppServices: Sendable {
    public let config: AppConfig
    /// The local owner: the user every row belongs to until accounts exist.
    public let owner: UUID
    /// Probed once per process; without a sandbox code is refused, never run bare.
    public let runner: CodeRunner
    public let voice: InterviewerVoice
    /// Bcrypt on its own threads; nil in solo use.
    public var passwords: PasswordHasher?
    /// Wakes this instance's room sockets when a room has new events.
    public let roomHub = RoomHub()
    /// This instance's parsed partner cards, reloaded when another change raised their version.
    public let partnerCards = PartnerCards()
    /// Writes room commands many to a transaction (nil: each on its own).
    public var roomWriter: RoomWriter?
    /// Mails the account a link that verifies its address (nothing without mail, or when it is
    /// verified already), in the caller's transaction. True when one was queued.
    @discardableResult
    public func verifyEmail(_ user: UserModel, db: Database, base: String, now: Date) async throws -> Bool {
        guard let mail = config.mail, let token = try await EmailVerificationRepository(db: db).issue(for: user, now: now) else {
            return false
        }
        let link = base.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + "/verify/" + token
        try await AccountMail(db: db, config: mail).enqueueVerification(to: user, link: link, now: now)
        return true
    }

    /// Queues the mails a booking change sends (none without mail), in the caller's transaction.
    public func bookingMail(_ kind: BookingMail.Kind, _ booking: BookingModel, db: Database, base: String, now: Date) async throws {
        guard let mail = config.mail else { return }
        try await BookingMail(db: db, config: mail, base: base).enqueue(kind, booking, now: now)
    }

    /// Connects and migrates the store, loads the built-in content, probes the sandbox and
    /// chooses the voice.
    public static func start(_ app: Application, _ config: AppConfig, content: ContentLibrary) async throws -> AppServices {
        try StoreSetup.configure(app, config.store)
        let owner = try await StoreSetup.prepare(app, content: content)
        let voice: InterviewerVoice = config.llm.map { LLMVoice(config: $0, client: app.client, logger: app.logger) } ?? BuiltInVoice()
        var services = AppServices(config: config, owner: owner, runner: CodeRunner.shared(config.runner), voice: voice)
        if let accounts = config.accounts {
            // Half the cores at most: hashing never takes the whole machine from the pages.
            let hasher = PasswordHasher(cost: accounts.bcryptCost, threads: max(1, System.coreCount / 2))
            app.lifecycle.use(HasherShutdown(hasher: hasher))
            services.passwords = hasher
        }
        let writer = RoomWriter(db: app.db)
        services.roomWriter = writer
        // In-process tests drive the outbox themselves, with their test clock; every served
        // instance sends.
        if let mail = config.mail, app.environment != .testing {
            app.lifecycle.use(MailWorker(config: mail, clock: config.clock, base: config.siteBase))
        }
        if let url = config.store.databaseURL {
            // Rooms served by several instances hear of each other's events through PostgreSQL.
            app.lifecycle.use(
                RoomListener(
                    configuration: try StoreSetup.postgres(url).coreConfiguration, hub: services.roomHub, instance: writer.instance))
        }
        return services
    }

    /// Sign-up, sign-in and passwords, when this instance has accounts.
    public func accounts(db: Database) throws -> AccountService {
        guard let accounts = config.accounts, let passwords else { throw MockLoopError.notFound("accounts (this instance runs solo)") }
        return AccountService(db: db, config: accounts, hasher: passwords)
    }

    public var storeKind: String { config.store.kind }

    public func practice(db: Database, userID: UUID) -> PracticeService {
        PracticeService(db: db, userID: userID, runner: runner, voice: voice)
    }

    public func codeRuns(db: Database, userID: UUID) -> CodeRunService {
        CodeRunService(runner: runner, db: db, userID: userID)
    }

    public func insights(db: Database, userID: UUID) -> InsightsService {
        InsightsService(db: db, userID: userID)
    }
}

/// Stops the password threads with the app.
struct HasherShutdown: LifecycleHandler {
    let hasher: PasswordHasher
    func shutdownAsync(_ application: Application) async { try? await hasher.shutdown() }
}
