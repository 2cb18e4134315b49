import Foundation
import GRDB

extension SweepStore {
    /// The spec the database was last run with, or `nil` before the first run.
    public func currentSweep() throws -> SweepRevision? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sweep WHERE is_current = 1").map(Self.revision)
        }
    }

    /// Every spec version the database was run with, oldest first.
    public func sweepHistory() throws -> [SweepRevision] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM sweep ORDER BY id").map(Self.revision) }
    }

    /// All trajectories in spec order (retired ones last), optionally without the retired ones.
    public func trajectories(includingRetired: Bool = true) throws -> [TrajectoryRecord] {
        try trajectories(whereSQL: includingRetired ? "1" : "in_spec = 1")
    }

    /// Trajectories matching an SQL condition on the `trajectory` table, in spec order; the first `limit` if given.
    func trajectories(whereSQL condition: String, limit: Int? = nil) throws -> [TrajectoryRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM trajectory WHERE \(condition) ORDER BY in_spec DESC, ordinal, id"
                             + (limit.map { " LIMIT \($0)" } ?? "")).map(decodeRecord)
        }
    }

    /// Trajectories no longer in the current spec, in their old spec order: the first `limit`, and how many there are.
    public func retiredTrajectories(limit: Int) throws -> (listed: [TrajectoryRecord], count: Int) {
        let listed = try trajectories(whereSQL: "in_spec = 0", limit: limit)
        let count = try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM trajectory WHERE in_spec = 0") ?? 0 }
        return (listed, count)
    }

    /// The trajectory with `id`, if any.
    public func trajectory(id: String) throws -> TrajectoryRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM trajectory WHERE id = ?", arguments: [id]).map(decodeRecord) }
    }

    /// Every measurement with its trajectory's axes, ordered by trajectory (spec order) then epoch.
    ///
    /// Retired trajectories (no longer in the current spec) are left out unless asked for.
    public func measurements(includingRetired: Bool = false) throws -> [MeasurementRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.trajectory_id, m.epoch, m.metrics, m.timings, m.train_seconds, m.measure_seconds, m.spec_hash, m.recorded_at,
                       t.axes, t.seed, t.status, t.in_spec
                FROM measurement m JOIN trajectory t ON t.id = m.trajectory_id
                WHERE t.in_spec = 1 OR ?
                ORDER BY t.in_spec DESC, t.ordinal, t.id, m.epoch
                """, arguments: [includingRetired]).map { row in
                let id: String = row["trajectory_id"]
                let epoch: Int = row["epoch"]
                return MeasurementRecord(
                    trajectoryID: id, axes: try StoreJSON.decodeAxes(row["axes"], row: id), seed: row["seed"], epoch: epoch,
                    status: try Self.status(row["status"], id: id), isRetired: !row["in_spec"], specHash: row["spec_hash"],
                    metrics: try StoreJSON.decode([String: Double].self, from: row["metrics"], table: "measurement",
                                                  column: "metrics", row: "\(id) epoch \(epoch)"),
                    timings: try StoreJSON.decode([String: Double].self, from: row["timings"], table: "measurement",
                                                  column: "timings", row: "\(id) epoch \(epoch)"),
                    trainSeconds: row["train_seconds"], measureSeconds: row["measure_seconds"],
                    recordedAt: Date(timeIntervalSince1970: row["recorded_at"]))
            }
        }
    }

    /// The latest checkpoint of trajectory `id`, if any.
    public func latestCheckpoint(of id: String) throws -> StoredCheckpoint? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT epoch, data, unmeasured_seconds FROM checkpoint WHERE trajectory_id = ?",
                             arguments: [id]).map { StoredCheckpoint(epoch: $0["epoch"], data: $0["data"], unmeasuredSeconds: $0["unmeasured_seconds"]) }
        }
    }

    /// The trajectories among `trajectories` that still have work in this store (an epoch to measure, or
    /// one measured with other metric settings)
    /// (those it has never seen included), in their order.
    public func unfinished(_ trajectories: some Sequence<Trajectory>) throws -> [Trajectory] {
        let progress = try read { db in try storedProgress(db) }
        return try trajectories.filter { !(try progress.work(for: $0).isEmpty) }
    }

    func decodeRecord(_ row: Row) throws -> TrajectoryRecord {
        let id: String = row["id"]
        return TrajectoryRecord(
            id: id,
            configuration: try StoreJSON.decode(TrajectoryConfiguration.self, from: row["configuration"],
                                                table: "trajectory", column: "configuration", row: id),
            axes: try StoreJSON.decodeAxes(row["axes"], row: id), seed: row["seed"],
            epochs: try StoreJSON.decode([Int].self, from: row["epochs"], table: "trajectory", column: "epochs", row: id),
            status: try Self.status(row["status"], id: id), isRetired: !row["in_spec"], specHash: row["spec_hash"],
            attempts: row["attempts"], failures: row["failures"], lastEpoch: row["last_epoch"], currentEpoch: row["current_epoch"],
            lastError: row["last_error"], leaseOwner: row["lease_owner"],
            leaseExpiresAt: (row["lease_expires_at"] as Double?).map(Date.init(timeIntervalSince1970:)), ordinal: row["ordinal"])
    }

    private static func status(_ text: String, id: String) throws -> TrajectoryStatus {
        guard let status = TrajectoryStatus(rawValue: text) else {
            throw StoreError.corruptColumn(table: "trajectory", column: "status", row: id, reason: "unknown status '\(text)'")
        }
        return status
    }

    private static func revision(_ row: Row) -> SweepRevision {
        SweepRevision(name: row["name"], specText: row["spec_text"], specHash: row["spec_hash"], maxAttempts: row["max_attempts"],
                      toolVersion: row["tool_version"], gitCommit: row["git_commit"], host: row["host"],
                      createdAt: Date(timeIntervalSince1970: row["created_at"]),
                      lastUsedAt: Date(timeIntervalSince1970: row["last_used_at"]), isCurrent: row["is_current"])
    }
}
