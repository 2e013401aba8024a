/// Session-clock times as "mm:ss", the way the page, the terminal and the evidence quote them.
public enum ClockText {
    public static func mmss(_ seconds: Double) -> String {
        let s = max(0, Int(seconds))
        let m = s / 60
        let r = s % 60
        return (m < 10 ? "0" : "") + "\(m):" + (r < 10 ? "0" : "") + "\(r)"
    }
}
