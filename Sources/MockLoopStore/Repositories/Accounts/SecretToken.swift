import Foundation
import Vapor

/// The secrets handed out in cookies, links and tokens: 256 random bits, base64url, with a
/// prefix saying what they are. Only their SHA-256 is stored, so a copy of the database opens
/// nothing.
public enum SecretToken {
    public static func make(prefix: String = "") -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let text = bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + text
    }

    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
