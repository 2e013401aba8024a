import Foundation
import MockLoopCore
import MockLoopServices
import Vapor

/// The token every HTML form that posts carries (signed double submit): a random value and its
/// HMAC under the server's key, set as a cookie and repeated in the form. Another site can make
/// the browser send the cookie but cannot read it to put it in the form; a cookie planted from
/// a sibling host or port fails the signature. Needs no signed-in user, so it guards solo mode
/// and anonymous pages alike.
public struct FormToken: Sendable {
    public static let cookie = "mockloop_form"
    public static let field = "csrf"

    let key: SymmetricKey

    public init(secret: String) {
        key = SymmetricKey(data: SHA256.hash(data: Data(("mockloop form token:" + secret).utf8)))
    }

    /// A new token: 32 random bytes and their signature, both base64url.
    public func mint() -> String {
        let nonce = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return Self.base64url(nonce) + "." + signature(of: Self.base64url(nonce))
    }

    /// True when the token was minted with this key.
    public func isValid(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 43 else { return false }
        let expected = Data(signature(of: String(parts[0])).utf8)
        let given = Data(parts[1].utf8)
        // Constant time, so the signature cannot be guessed byte by byte.
        guard expected.count == given.count else { return false }
        return zip(expected, given).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func signature(of nonce: String) -> String {
        Self.base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)))
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The key's secret: MOCKLOOP_SECRET when set (several instances share it), else a random
    /// one kept in the data directory (0600), made on first start.
    public static func secret(configured: String?, dataDirectory: URL) throws -> String {
        if let configured { return configured }
        let file = dataDirectory.appendingPathComponent("form-secret")
        if let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8),
            text.count >= 32
        {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let secret = base64url(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
        do {
            try FileManager.default.createDirectory(
                at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: file.path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw MockLoopError.invalid(
                "data directory", "cannot write \(file.path): set MOCKLOOP_SECRET or fix the directory's permissions")
        }
        return secret
    }
}
