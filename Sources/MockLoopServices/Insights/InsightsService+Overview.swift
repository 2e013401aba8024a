import Fluent
import Foundation
import MockLoopCore
import MockLoopStore

extension InsightsService {
    /// Completed sessions per week for every interview type (all modes, AI and solo
    /// included) over the last `weeks` weeks, weeks from Monday in `timeZone`: the overview
    /// /insights shows above one type's detail.
    public func overview(
        weeks: Int = TypeOverview.defaultWeeks, timeZone: TimeZone, now: Date = Date()
    ) async throws -> TypeOverview {
        try await InsightsRepository(db: db, userID: userID).overview(weeks: weeks, now: now, timeZone: timeZone)
    }
}
