import ArgumentParser
import Foundation
import MockLoopCore

/// `mockloop login URL`: work against a MockLoop server with a personal access token, pasted at
/// a prompt (never on the command line), checked with the server, then kept 0600 in
/// `~/.mockloop/credentials`.
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Use a MockLoop server: practice, log, report, questions and archive then work against it.",
        discussion: """
            Create a personal access token on the server's settings page (read-write to log sessions
            and practise; read to look only), run this, and paste the token at the prompt.
            --local on any command uses this machine's data instead; mockloop logout forgets the server.
            """)

    @Argument(help: "The server, e.g. https://mocks.example.org") var url: String

    struct Who: Decodable {
        var email: String
        var name: String
    }

    func run() async throws {
        let server: String
        do { server = try Credentials.serverURL(url) } catch { try CLIContext.fail(error) }
        FileHandle.standardError.write(
            Data("Create a token at \(server)/settings#tokens, then paste it here.\nToken: ".utf8))
        guard let typed = TokenPrompt.read()?.trimmingCharacters(in: .whitespacesAndNewlines), !typed.isEmpty else {
            try CLIContext.fail(MockLoopError.invalid("token", "no token was pasted"))
        }
        guard typed.hasPrefix("mlt_"), typed.count < 200 else {
            try CLIContext.fail(MockLoopError.invalid("token", "that is not a MockLoop personal access token (they start with mlt_)"))
        }
        let credentials = Credentials(url: server, token: typed)
        try await RemoteAPI.run(credentials) { api in
            let who: Who
            do { who = try await api.get("account") } catch let e as MockLoopError where e.kind == .notFound {
                throw MockLoopError(.invalid, "\(server) runs without accounts (a solo instance): there is nothing to log in to")
            }
            try credentials.save()
            print("Logged in to \(server) as \(who.name) <\(who.email)>.")
            print("practice, log, report, questions and archive now use that server (--local: this machine's data).")
        }
    }
}

/// `mockloop logout`: forget the server and its token (revoke the token on the server's settings page).
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout", abstract: "Forget the server mockloop login saved; commands use this machine's data again.")

    func run() async throws {
        let saved = (try? Credentials.load()) ?? nil
        do {
            guard try Credentials.remove() else { return print("Not logged in to any server.") }
        } catch { try CLIContext.fail(error) }
        print("Logged out\(saved.map { " of \($0.url)" } ?? ""). The token still works until you revoke it on the server's settings page.")
    }
}

/// Reads one line without echoing it when standard input is a terminal.
enum TokenPrompt {
    static func read() -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) }
        var old = termios()
        tcgetattr(STDIN_FILENO, &old)
        var quiet = old
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        return readLine(strippingNewline: true)
    }
}
