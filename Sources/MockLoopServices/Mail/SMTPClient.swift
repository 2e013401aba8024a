import Foundation
import MockLoopCore
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP client (RFC 5321) on SwiftNIO: EHLO, STARTTLS or TLS from the start, AUTH PLAIN
/// or LOGIN, one message to one recipient, QUIT. A reply in the 4xx range is worth retrying, one
/// in the 5xx range is not.
public struct SMTPClient: Sendable {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// The server's reply code, or nil when the connection itself failed.
        public var code: Int?
        public var message: String
        public var permanent: Bool { (code ?? 0) >= 500 }
        public var description: String { code.map { "\($0) \(message)" } ?? message }
    }

    let config: MailConfig
    /// The name this side gives in EHLO.
    let heloName: String
    let timeout: TimeAmount

    public init(config: MailConfig, heloName: String = "mockloop.localhost", timeout: TimeAmount = .seconds(30)) {
        self.config = config
        self.heloName = heloName
        self.timeout = timeout
    }

    /// Sends `message` (already rendered, CRLF line ends) from `from` to `to`.
    public func send(_ message: String, from: String, to: String) async throws {
        let tls = try makeTLSContext()
        let host = config.host
        let implicitTLS = config.security == .tls
        let client: NIOAsyncChannel<String, ByteBuffer>
        do {
            client = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .connect(host: host, port: config.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if implicitTLS {
                            try channel.pipeline.syncOperations.addHandler(
                                try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(host)))
                        }
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                        return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw Failure(code: nil, message: "cannot connect to \(host):\(config.port) (\(type(of: error)))")
        }
        let timeout = timeout
        try await client.executeThenClose { inbound, outbound in
            var conversation = Conversation(
                lines: inbound.makeAsyncIterator(), outbound: outbound, timeout: timeout, channel: client.channel)
            try await conversation.expect(220)
            var features = try await conversation.command("EHLO \(heloName)", expect: 250)
            var secure = implicitTLS
            if !secure, config.security != .tls {
                let offered = features.contains { $0.uppercased().hasPrefix("STARTTLS") }
                if config.security == .startTLSRequired, !offered {
                    throw Failure(code: 530, message: "the server does not offer STARTTLS, which is required")
                }
                if offered {
                    _ = try await conversation.command("STARTTLS", expect: 220)
                    try await client.channel.pipeline.addHandler(
                        try NIOSSLClientHandler(context: tls, serverHostname: Self.sniName(host)), position: .first
                    ).get()
                    secure = true
                    features = try await conversation.command("EHLO \(heloName)", expect: 250)
                }
            }
            if let user = config.username {
                guard secure || config.isLoopback else {
                    throw Failure(code: 530, message: "the server offers no TLS: credentials are not sent in the clear")
                }
                let auth = features.first { $0.uppercased().hasPrefix("AUTH") }?.uppercased().split(separator: " ").map(String.init) ?? []
                let password = config.password ?? ""
                if auth.contains("PLAIN") || !auth.contains("LOGIN") {
                    let token = Data("\0\(user)\0\(password)".utf8).base64EncodedString()
                    _ = try await conversation.command("AUTH PLAIN \(token)", expect: 235, secret: true)
                } else {
                    _ = try await conversation.command("AUTH LOGIN", expect: 334)
                    _ = try await conversation.command(Data(user.utf8).base64EncodedString(), expect: 334, secret: true)
                    _ = try await conversation.command(Data(password.utf8).base64EncodedString(), expect: 235, secret: true)
                }
            }
            _ = try await conversation.command("MAIL FROM:<\(from)>", expect: 250)
            _ = try await conversation.command("RCPT TO:<\(to)>", expect: 250, 251)
            _ = try await conversation.command("DATA", expect: 354)
            // Dot-stuffing: a line that starts with a dot gets another.
            var body = message.replacingOccurrences(of: "\r\n.", with: "\r\n..")
            if body.hasPrefix(".") { body = "." + body }
            if !body.hasSuffix("\r\n") { body += "\r\n" }
            _ = try await conversation.command(body + ".", expect: 250)
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    func makeTLSContext() throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let ca = config.caFile { tls.trustRoots = .file(ca) }
        return try NIOSSLContext(configuration: tls)
    }

    /// SNI carries names, never addresses.
    static func sniName(_ host: String) -> String? {
        host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
    }

    /// One SMTP exchange: a command, then a reply of one or more lines with the same code.
    struct Conversation {
        var lines: NIOAsyncChannelInboundStream<String>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        let timeout: TimeAmount
        let channel: Channel

        mutating func command(_ line: String, expect codes: Int..., secret: Bool = false) async throws -> [String] {
            try await outbound.write(ByteBuffer(string: line + "\r\n"))
            return try await reply(codes)
        }

        mutating func expect(_ codes: Int...) async throws { _ = try await reply(codes) }

        /// The reply's text lines; a code not expected is a failure carrying it.
        mutating func reply(_ codes: [Int]) async throws -> [String] {
            var texts: [String] = []
            while true {
                let channel = channel
                let timer = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
                let next = try await lines.next()
                timer.cancel()
                guard let line = next else { throw Failure(code: nil, message: "the server closed the connection") }
                guard line.count >= 3, let code = Int(line.prefix(3)) else {
                    throw Failure(code: nil, message: "the server's reply makes no sense")
                }
                texts.append(String(line.dropFirst(4)))
                if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " " {
                    guard codes.contains(code) else {
                        throw Failure(code: code, message: texts.joined(separator: " ").prefix(200).description)
                    }
                    return texts
                }
            }
        }
    }
}

/// Splits what the server sends into lines (CRLF or LF), each at most 4 KB.
struct SMTPLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > 4096 { throw SMTPClient.Failure(code: nil, message: "a reply line is too long") }
            return .needMoreData
        }
        let length = end - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
