import Foundation
import GRDB

/// The same (trajectory, epoch) measured twice with different values.
public struct SlurmConflict: Sendable, Equatable, CustomStringConvertible {
    /// The trajectory.
    public var trajectoryID: String
    /// The epoch.
    public var epoch: Int
    /// The shard whose value was not taken.
    public var shard: String
    /// Metrics whose values differ (or exist on one side only), sorted.
    public var differingMetrics: [String]

    public var description: String {
        "trajectory \(trajectoryID) epoch \(epoch): \(shard) differs from the database in \(differingMetrics.joined(separator: ", ")); the database's value was kept"
    }
}

/// What importing one shard changed in the sweep database.
public struct ShardImportResult: Sendable, Equatable {
    /// Measurements new to the database.
    public var added = 0
    /// Measurements the database already had with the same values.
    public var identical = 0
    /// Measurements the database already had with other values (not imported).
    public var conflicts: [SlurmConflict] = []
    /// Trajectories of the shard that the database does not know (not imported).
    public var unknownTrajectories: Set<String> = []
    /// Checkpoints newer than the database's (taken over, so `hashsweep run` could continue them).
    public var newerCheckpoints = 0
    /// Trajectories that became done.
    public var completed = 0
}

extension SweepStore {
    /// Imports a shard's measurements and checkpoints in one transaction, idempotently.
    ///
    /// A measurement is added when its (trajectory, epoch) is new; an equal one (same metric values
    /// bit for bit) is counted, never rewritten; a different one is reported as a conflict and the
    /// database keeps its value. A trajectory whose requested epochs are then all measured becomes
    /// done, unless a local worker holds it.
    public func importShard(measurements: [ShardMeasurement], checkpoints: [String: StoredCheckpoint],
                            source: String) throws -> ShardImportResult {
        try write { db in
            var result = ShardImportResult()
            let known = Set(try String.fetchAll(db, sql: "SELECT id FROM trajectory"))
            let existing = try db.cachedStatement(sql: "SELECT metrics FROM measurement WHERE trajectory_id = ? AND epoch = ?")
            let insert = try db.cachedStatement(sql: """
                INSERT INTO measurement (trajectory_id, epoch, metrics, timings, train_seconds, measure_seconds, spec_hash, recorded_at,
                                         settings)
                SELECT ?, ?, ?, ?, ?, ?, spec_hash, ?, ? FROM trajectory WHERE id = ?
                """)
            var touched = Set<String>()
            for row in measurements {
                guard known.contains(row.trajectoryID) else {
                    result.unknownTrajectories.insert(row.trajectoryID)
                    continue
                }
                if let text = try String.fetchOne(existing, arguments: [row.trajectoryID, row.epoch]) {
                    let stored = try StoreJSON.decode([String: Double].self, from: text, table: "measurement", column: "metrics",
                                                      row: "\(row.trajectoryID) epoch \(row.epoch)")
                    if row.hasSameValues(as: stored) {
                        result.identical += 1
                    } else {
                        let names = Set(stored.keys).union(row.metrics.keys).filter { name in
                            !(stored[name].map { ShardMeasurement.sameValue($0, row.metrics[name]) } ?? false)
                        }
                        result.conflicts.append(SlurmConflict(trajectoryID: row.trajectoryID, epoch: row.epoch, shard: source,
                                                              differingMetrics: names.sorted()))
                    }
                    continue
                }
                try insert.execute(arguments: [row.trajectoryID, row.epoch, StoreJSON.encode(row.metrics), StoreJSON.encode(row.timings),
                                               row.trainSeconds, row.measureSeconds, Self.now(), StoreJSON.encode(row.settings),
                                               row.trajectoryID])
                result.added += 1
                touched.insert(row.trajectoryID)
            }
            for (id, checkpoint) in checkpoints.sorted(by: { $0.key < $1.key }) where known.contains(id) {
                try db.execute(sql: """
                    INSERT INTO checkpoint (trajectory_id, epoch, data, unmeasured_seconds, written_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (trajectory_id) DO UPDATE SET epoch = excluded.epoch, data = excluded.data,
                        unmeasured_seconds = excluded.unmeasured_seconds, written_at = excluded.written_at
                    WHERE excluded.epoch > checkpoint.epoch
                    """, arguments: [id, checkpoint.epoch, checkpoint.data, checkpoint.unmeasuredSeconds, Self.now()])
                guard db.changesCount > 0 else { continue }
                result.newerCheckpoints += 1
                try db.execute(sql: "UPDATE trajectory SET last_epoch = max(coalesce(last_epoch, -1), ?), updated_at = ? WHERE id = ?",
                               arguments: [checkpoint.epoch, Self.now(), id])
            }
            for id in touched.sorted() where try isFullyMeasured(id, db) {
                try db.execute(sql: """
                    UPDATE trajectory SET status = 'done', lease_owner = NULL, lease_host = NULL, lease_pid = NULL,
                        lease_expires_at = NULL, updated_at = ?
                    WHERE id = ? AND status IN ('pending', 'failed')
                    """, arguments: [Self.now(), id])
                result.completed += db.changesCount
            }
            if result.added + result.newerCheckpoints + result.conflicts.count > 0 {
                try logEvent(kind: "slurm-collect", message: "\(source): \(result.added) measurements added, \(result.identical) identical, "
                             + "\(result.conflicts.count) conflicting, \(result.newerCheckpoints) newer checkpoints, "
                             + "\(result.completed) trajectories done", db)
            }
            return result
        }
    }

    /// Measured epochs of every trajectory, by id.
    public func measuredEpochs() throws -> [String: Set<Int>] {
        try read { db in
            var result: [String: Set<Int>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trajectory_id, epoch FROM measurement") {
                result[row["trajectory_id"], default: []].insert(row["epoch"])
            }
            return result
        }
    }

    /// Appends a Slurm event (a submission, a resubmission) to the database's event log.
    public func logSlurmEvent(kind: String, message: String) throws {
        try write { db in try logEvent(kind: kind, message: message, db) }
    }

    private func isFullyMeasured(_ id: String, _ db: Database) throws -> Bool {
        guard let text = try String.fetchOne(db, sql: "SELECT epochs FROM trajectory WHERE id = ?", arguments: [id]) else { return false }
        let requested = try StoreJSON.decode([Int].self, from: text, table: "trajectory", column: "epochs", row: id)
        let measured = Set(try Int.fetchAll(db, sql: "SELECT epoch FROM measurement WHERE trajectory_id = ?", arguments: [id]))
        return Set(requested).isSubset(of: measured)
    }
}
