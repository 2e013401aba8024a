import Foundation
import MockLoopCore

/// The `/insights` page and the Markdown / HTML / text report: the report's figures in words.
public struct InsightsView: Encodable {
    struct Row: Encodable {
        var name, mean, trend, sessions: String
        /// The score colour of the mean rounded ("s1"…"s3", or "none"), as everywhere else.
        var band: String
    }
    struct Spot: Encodable {
        var name, mean: String
        var evidence: [Link]
    }
    struct Link: Encodable { var href, label: String }
    struct Gap: Encodable { var name, gap, pairs, calibrated: String }
    struct Fix: Encodable {
        var name, fix, before, after, verdict, drill: String
        var href: String
    }
    struct Real: Encodable {
        var date, company, average, surprise: String
        var href: String
    }
    struct Chart: Encodable { var id, title, summary, svg: String }

    var title: String
    /// The time zone weeks were counted in; the form sends the browser's.
    var timeZone: String
    var typeOptions: [Choice]
    var windowOptions: [Choice]
    var summary: String
    var dimensions: [Row]
    var weakSpotsNote: String
    var weakSpots: [Spot]
    var selfGaps: [Gap]
    var confidence: [String]
    var aiGaps: [Gap]
    var aiNote: String
    var difficulty: String
    var tooEasy: Bool
    var cadence: String
    var fixes: [Fix]
    var nextFocus: String
    var nextQuestion: Link?
    var ready: Bool
    var readiness: String
    var realInterviews: [Real]
    /// "24 code runs · compiled 92% · passed 71%" for coding; empty otherwise.
    var codeRuns: String
    var scoreCharts: [Chart]
    var cadenceChart: Chart
    var gapChart: Chart
    /// Sessions per week across every interview type, shown above this type's detail (the
    /// page passes it; the reports leave it out).
    var overview: Chart?

    static func f(_ v: Double?) -> String { v.map { String(format: "%.1f", $0) } ?? "–" }
    static func signed(_ v: Double?) -> String { v.map { ($0 >= 0 ? "+" : "") + String(format: "%.1f", $0) } ?? "–" }
    static func day(_ d: Date, in zone: String) -> String {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd"
        f.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")
        return f.string(from: d)
    }

    public init(_ result: InsightsService.Result, overview: SVGChart? = nil) {
        let r = result.report
        let rubric = result.rubric
        func name(_ key: String) -> String { rubric.dimension(key)?.name ?? key }
        title = "Insights: \(r.type.label)"
        timeZone = r.timeZone
        typeOptions = Choice.list(InterviewType.self, selected: r.type.rawValue)
        windowOptions = [("all", "All time"), ("30d", "Last 30 days"), ("10", "Last 10 sessions")].map {
            Choice(value: $0.0, label: $0.1, selected: $0.0 == r.window.description)
        }
        summary =
            "\(r.sessions) \(r.type.label.lowercased()) session\(r.sessions == 1 ? "" : "s") in \(r.window.label), \(r.scoredSessions) scored"
            + (r.aiSessions > 0 ? " (\(r.aiSessions) with the AI interviewer)" : "") + "."
        dimensions = r.dimensions.map { t in
            let trend: String =
                switch t.direction {
                case .improving?: "improving (\(Self.signed(t.slope)) a session)"
                case .slipping?: "slipping (\(Self.signed(t.slope)) a session)"
                case .flat?: "flat"
                case nil: t.sessions == 0 ? "never scored" : "too few sessions for a trend"
                }
            return Row(
                name: name(t.dimension), mean: Self.f(t.mean), trend: trend, sessions: String(t.sessions),
                band: t.mean.map { "s\(min(3, max(1, Int($0.rounded()))))" } ?? "none")
        }
        let w = r.weakSpots
        weakSpotsNote =
            w.sessionsNeeded > 0
            ? "Weak spots are claimed after \(w.threshold) scored sessions of this type in the window: \(w.sessionsNeeded) more needed before any pattern is called."
            : (w.spots.isEmpty
                ? "No dimension scores low again and again across \(w.scoredSessions) scored sessions."
                : "Across \(w.scoredSessions) scored sessions:")
        weakSpots = w.spots.map { s in
            Spot(
                name: name(s.dimension), mean: Self.f(s.mean),
                evidence: zip(s.lowSessions, s.lowDates).map {
                    Link(href: SiteURL.session($0).path, label: Self.day($1, in: r.timeZone))
                })
        }
        selfGaps = r.selfGap.map { g in
            Gap(
                name: name(g.dimension), gap: Self.signed(g.meanGap), pairs: String(g.pairs),
                calibrated: g.meanGap.map { $0 > 0.25 ? "over-confident" : ($0 < -0.25 ? "under-confident" : "calibrated") }
                    ?? "no pairs yet")
        }
        confidence = r.confidence.map {
            "Confidence \($0.confidence)/5: \($0.sessions) session\($0.sessions == 1 ? "" : "s"), mean score \(Self.f($0.meanScore))"
        }
        aiGaps = r.aiGap.map { g in
            Gap(
                name: name(g.dimension), gap: Self.signed(g.meanGap), pairs: String(g.pairs),
                calibrated: Self.f(r.calibratedAIThree[g.dimension]))
        }
        aiNote =
            r.aiGap.contains { $0.pairs >= 3 }
            ? "AI score 3 shown as its calibrated value once 3 or more AI and human sessions can be compared."
            : "Not enough AI and human sessions of this type to measure your gap yet; AI scores are lowered by a conservative 0.5 (AI tools over-score)."
        let d = r.difficulty
        difficulty =
            d.mediumHardShare.map {
                "\(Int(($0 * 100).rounded()))% of rated sessions were medium or hard (target \(Int((d.targetShare * 100).rounded()))%)"
            } ?? "No session has a difficulty yet"
        difficulty +=
            " · \(d.repeats) repeat\(d.repeats == 1 ? "" : "s") of questions already seen · \(d.wentEasy) session\(d.wentEasy == 1 ? "" : "s") where the interviewer went easy."
        tooEasy = d.tooEasy
        // The streak is counted over the weeks shown; a full run is "8+".
        let streak =
            r.cadence.streak == r.cadence.weeks.count && r.cadence.streak > 0
            ? "\(r.cadence.streak)+ weeks" : "\(r.cadence.streak) week\(r.cadence.streak == 1 ? "" : "s")"
        cadence =
            "Target: \(r.cadence.target) human-observed sessions a week (all interview types), weeks from Monday in \(r.timeZone). Current streak: \(streak)."
        fixes = r.fixes.reversed().map { e in
            let verdict: String =
                switch e.verdict {
                case .moved: "moved"
                case .notYet: "not yet"
                case .tooEarly: "too early to tell"
                case .noBaseline: "no score before the fix"
                }
            return Fix(
                name: name(e.dimension), fix: e.fix, before: Self.f(e.before), after: Self.f(e.after), verdict: verdict,
                drill: e.drillDone ? "done" : "not done", href: SiteURL.session(e.sessionID).path)
        }
        if let n = r.nextFocus {
            nextFocus = "\(name(n.dimension)) (mean \(Self.f(n.mean))). \(n.drill)"
            // Straight into a timed mock on it where the AI interviewer runs the type.
            let practise = PhasePlan.practiceTypes.contains(r.type)
            nextQuestion = n.questionID.flatMap { id in result.bank.first { $0.id == id } }.map {
                Link(href: practise ? "/practice?question=" + $0.id : SiteURL.question($0.id).path, label: $0.title)
            }
        } else {
            nextFocus = "Score a session first: the next focus is the weakest dimension."
            nextQuestion = nil
        }
        ready = r.readiness.ready
        readiness =
            r.readiness.ready
            ? "Ready: your last observed \(r.type.label.lowercased()) mocks average \(Self.f(r.readiness.recentMean))."
            : "Not yet: \(r.readiness.missing ?? "")."
        if let target = result.target, let date = target.loopDate, let days = target.daysToLoop(), days >= 0 {
            readiness +=
                " Your loop (\(target.level.label), \(target.tier.label)) is on \(date): "
                + (days == 0 ? "today." : "in \(days) day\(days == 1 ? "" : "s").")
        }
        realInterviews = r.realInterviews.reversed().map {
            Real(
                date: Self.day($0.date, in: r.timeZone), company: $0.company ?? "", average: Self.f($0.average),
                surprise: $0.surprise ?? "",
                href: SiteURL.session($0.sessionID).path)
        }
        func percent(_ v: Double?) -> String { v.map { "\(Int(($0 * 100).rounded()))%" } ?? "–" }
        codeRuns =
            result.codeRuns.map {
                $0.runs == 0
                    ? "No code run yet: use Run tests on a coding session or mockloop run-code."
                    : "\($0.runs) code run\($0.runs == 1 ? "" : "s") · compiled \(percent($0.compileRate)) · passed every test \(percent($0.passRate))"
            } ?? ""
        let charts = InsightsCharts.all(r, rubric: rubric).map { Chart(id: $0.id, title: $0.title, summary: $0.summary, svg: $0.svg) }
        scoreCharts = Array(charts.dropLast(2))
        cadenceChart = charts[charts.count - 2]
        gapChart = charts[charts.count - 1]
        self.overview = overview.map { Chart(id: $0.id, title: $0.title, summary: $0.summary, svg: $0.svg) }
    }
}
