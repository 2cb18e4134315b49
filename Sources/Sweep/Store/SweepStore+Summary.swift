import Foundation
import GRDB

extension SweepStore {
    /// Counts, failures, running trajectories and work done, for the current spec.
    ///
    /// Aggregates in SQL and decodes only the failed and running rows, so it is
    /// cheap enough to poll for a live display.
    public func summary(failuresListed: Int = StatusSummary.listedFailures) throws -> StatusSummary {
        let (counts, retired, totals) = try read { db in
            var counts: [TrajectoryStatus: Int] = Dictionary(uniqueKeysWithValues: TrajectoryStatus.allCases.map { ($0, 0) })
            var retired = 0
            for row in try Row.fetchAll(db, sql: "SELECT status, in_spec, count(*) AS n FROM trajectory GROUP BY status, in_spec") {
                let n: Int = row["n"]
                if row["in_spec"] as Bool {
                    if let status = TrajectoryStatus(rawValue: row["status"]) { counts[status, default: 0] += n }
                } else {
                    retired += n
                }
            }
            let totals = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(json_array_length(epochs)), 0) AS requested,
                       coalesce(sum(json_extract(epochs, '$[#-1]')), 0) AS final_epochs,
                       coalesce(sum(min(max(coalesce(last_epoch, 0), coalesce(current_epoch, 0)),
                                        coalesce(json_extract(epochs, '$[#-1]'), 0))), 0) AS trained,
                       (SELECT count(*) FROM trajectory t, json_each(t.epochs) e
                        JOIN measurement m ON m.trajectory_id = t.id AND m.epoch = e.value WHERE t.in_spec = 1) AS measured,
                       (SELECT coalesce(sum(m.train_seconds + m.measure_seconds), 0)
                        FROM measurement m JOIN trajectory t ON t.id = m.trajectory_id WHERE t.in_spec = 1) AS seconds
                FROM trajectory WHERE in_spec = 1
                """)!
            return (counts, retired, totals)
        }
        let failures = try trajectories(whereSQL: "in_spec = 1 AND status = 'failed'", limit: failuresListed)
        let running = try trajectories(whereSQL: "in_spec = 1 AND status = 'running'")
        return StatusSummary(
            counts: counts, retired: retired,
            requestedMeasurements: totals["requested"], doneMeasurements: totals["measured"],
            requestedEpochs: totals["final_epochs"], trainedEpochs: totals["trained"],
            computeSeconds: totals["seconds"],
            failures: failures, running: running)
    }
}
