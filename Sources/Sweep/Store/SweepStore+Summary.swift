import Foundation
import GRDB

extension SweepStore {
    /// Counts, failures, running trajectories and work done, for the current spec.
    public func summary() throws -> StatusSummary {
        let records = try trajectories(includingRetired: true)
        return try read { db in
            var counts: [TrajectoryStatus: Int] = [:]
            for status in TrajectoryStatus.allCases { counts[status] = 0 }
            var retired = 0
            for record in records {
                if record.isRetired { retired += 1 } else { counts[record.status, default: 0] += 1 }
            }
            let current = records.filter { !$0.isRetired }
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS done, coalesce(sum(m.train_seconds + m.measure_seconds), 0) AS seconds
                FROM trajectory t, json_each(t.epochs) e
                JOIN measurement m ON m.trajectory_id = t.id AND m.epoch = e.value
                WHERE t.in_spec = 1
                """)!
            return StatusSummary(
                counts: counts, retired: retired,
                requestedMeasurements: current.reduce(0) { $0 + $1.epochs.count },
                doneMeasurements: row["done"],
                requestedEpochs: current.reduce(0) { $0 + ($1.epochs.last ?? 0) },
                trainedEpochs: current.reduce(0) { $0 + min($1.lastEpoch ?? 0, $1.epochs.last ?? 0) },
                computeSeconds: row["seconds"],
                failures: current.filter { $0.status == .failed },
                running: current.filter { $0.status == .running })
        }
    }
}
