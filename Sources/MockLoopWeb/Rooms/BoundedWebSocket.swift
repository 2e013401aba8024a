import NIOCore
import NIOHTTP1
import NIOWebSocket
import Vapor
import WebSocketKit

/// A WebSocket upgrade whose messages are bounded whole, not only frame by frame: Vapor's own
/// upgrade gathers a fragmented message without a limit, so a client could send one endless
/// message in small frames. Here a frame over `maxMessage`, or a message that grows past it
/// across fragments, closes the socket with 1009 (message too big).
struct BoundedWebSocketUpgrader: Upgrader {
    let maxMessage: Int
    let onUpgrade: @Sendable (WebSocket) -> Void

    func applyUpgrade(req: Request, res: Response) -> HTTPServerProtocolUpgrader {
        let config = {
            var c = WebSocket.Configuration()
            c.maxAccumulatedFrameSize = maxMessage
            c.maxAccumulatedFrameCount = 1024
            return c
        }()
        return NIOWebSocketServerUpgrader(
            maxFrameSize: maxMessage, automaticErrorHandling: true,
            shouldUpgrade: { channel, _ in channel.eventLoop.makeSucceededFuture([:]) },
            upgradePipelineHandler: { channel, _ in
                WebSocket.server(on: channel, config: config, onUpgrade: onUpgrade).flatMap {
                    channel.pipeline.handler(type: NIOWebSocketFrameAggregator.self).flatMap { aggregator in
                        channel.pipeline.addHandler(TooBigMessage(), position: .after(aggregator))
                    }
                }
            })
    }
}

/// Says "message too big" (1009) when the fragments of one message grow past the bound; the
/// socket would otherwise close with a server error (1011) for what is the client's fault.
final class TooBigMessage: ChannelInboundHandler, Sendable {
    typealias InboundIn = WebSocketFrame

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        switch error as? NIOWebSocketFrameAggregator.Error {
        case .accumulatedFrameSizeIsTooLarge?, .tooManyFragments?:
            context.fireErrorCaught(NIOWebSocketError.invalidFrameLength)
        default:
            context.fireErrorCaught(error)
        }
    }
}

extension Request {
    /// Upgrades to a WebSocket with messages bounded at `maxMessage` bytes.
    func boundedWebSocket(maxMessage: Int, onUpgrade: @Sendable @escaping (WebSocket) -> Void) -> Response {
        let res = Response(status: .switchingProtocols)
        res.upgrader = BoundedWebSocketUpgrader(maxMessage: maxMessage, onUpgrade: onUpgrade)
        return res
    }
}
