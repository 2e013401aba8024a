/// A system design room's whiteboard: the shapes both people drew (boxes, arrows, text), in
/// order, kept as the room's `draw` events and drawn as SVG for the session's record.
public struct Whiteboard: Sendable, Equatable {
    public enum Shape: Sendable, Equatable {
        case box(x: Double, y: Double, w: Double, h: Double)
        case arrow(x: Double, y: Double, x2: Double, y2: Double)
        case text(x: Double, y: Double, text: String)
    }

    public static let width = 960.0
    public static let height = 540.0

    public var shapes: [Shape]

    /// The shapes of the room's events; anything that is not a well-formed shape is left out.
    public init(events: [RoomEvent]) {
        shapes = events.filter { $0.kind == .draw }.compactMap { Self.shape($0.body) }
    }

    static func shape(_ body: JSONValue) -> Shape? {
        guard case .object(let o) = body, case .string(let kind)? = o["shape"] else { return nil }
        func n(_ key: String) -> Double? {
            switch o[key] {
            case .int(let v)?: Double(v)
            case .double(let v)? where v.isFinite: v
            default: nil
            }
        }
        switch kind {
        case "box":
            guard let x = n("x"), let y = n("y"), let w = n("w"), let h = n("h") else { return nil }
            return .box(x: x, y: y, w: w, h: h)
        case "arrow":
            guard let x = n("x"), let y = n("y"), let x2 = n("x2"), let y2 = n("y2") else { return nil }
            return .arrow(x: x, y: y, x2: x2, y2: y2)
        case "text":
            guard let x = n("x"), let y = n("y"), case .string(let t)? = o["text"] else { return nil }
            return .text(x: x, y: y, text: String(t.prefix(200)))
        default: return nil
        }
    }

    /// A standalone SVG document; text is escaped, numbers are numbers.
    public var svg: String {
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" font-family="sans-serif" font-size="16">
            <defs><marker id="head" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
            <rect width="100%" height="100%" fill="#fff"/>

            """
        for s in shapes {
            switch s {
            case .box(let x, let y, let w, let h):
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(h)\" fill=\"none\" stroke=\"#1f2937\" stroke-width=\"2\"/>\n"
            case .arrow(let x, let y, let x2, let y2):
                out +=
                    "<line x1=\"\(x)\" y1=\"\(y)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"#1f2937\" stroke-width=\"2\" marker-end=\"url(#head)\"/>\n"
            case .text(let x, let y, let text):
                out += "<text x=\"\(x)\" y=\"\(y)\">\(Self.escape(text))</text>\n"
            }
        }
        return out + "</svg>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
