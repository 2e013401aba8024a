/// A device named the way people recognise it ("Chrome on macOS"), from a User-Agent header.
enum DeviceName {
    static func from(userAgent ua: String) -> String {
        let browsers: [(String, String)] = [
            ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"),
            ("Safari/", "Safari"), ("curl/", "curl"), ("python", "Python"),
        ]
        let systems: [(String, String)] = [
            ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Mac OS X", "macOS"), ("Windows", "Windows"),
            ("CrOS", "ChromeOS"), ("Linux", "Linux"),
        ]
        let browser = browsers.first { ua.contains($0.0) }?.1
        let system = systems.first { ua.contains($0.0) }?.1
        switch (browser, system) {
        case let (b?, s?): return "\(b) on \(s)"
        case let (b?, nil): return b
        case let (nil, s?): return "A browser on \(s)"
        default: return "Unknown device"
        }
    }
}
