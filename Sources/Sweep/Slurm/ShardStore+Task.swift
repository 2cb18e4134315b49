import Foundation
import GRDB

/// Where a trajectory stands in a shard: what is measured, and the checkpoint to continue from.
public struct ShardProgress: Sendable, Equatable {
    /// `running`, `done` or `failed`.
    public var status: String
    /// Epochs measured in this shard.
    public var measuredEpochs: Set<Int>
    /// The latest checkpoint in this shard.
    public var checkpoint: StoredCheckpoint?
}

extension ShardStore {
    /// Registers `trajectory` (if it is new to the shard) and returns its progress here.
    public func begin(_ trajectory: Trajectory) throws(SlurmError) -> ShardProgress {
        try writing { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO trajectory (id, configuration, epochs, status, updated_at) VALUES (?, ?, ?, 'running', ?)
                """, arguments: [trajectory.id, StoreJSON.encode(trajectory.configuration), StoreJSON.encode(trajectory.epochs),
                                 Self.now()])
            return try progress(of: trajectory.id, db)
        }
    }

    /// The progress of trajectory `id`, or `nil` if the shard does not know it.
    public func progress(of id: String) throws(SlurmError) -> ShardProgress? {
        try reading { db in
            try String.fetchOne(db, sql: "SELECT 1 FROM trajectory WHERE id = ?", arguments: [id]) == nil ? nil : try progress(of: id, db)
        }
    }

    private func progress(of id: String, _ db: Database) throws -> ShardProgress {
        let status = try String.fetchOne(db, sql: "SELECT status FROM trajectory WHERE id = ?", arguments: [id]) ?? "running"
        let measured = Set(try Int.fetchAll(db, sql: "SELECT epoch FROM measurement WHERE trajectory_id = ?", arguments: [id]))
        let checkpoint = try Row.fetchOne(db, sql: "SELECT epoch, data, unmeasured_seconds FROM checkpoint WHERE trajectory_id = ?",
                                          arguments: [id]).map(Self.checkpoint)
        return ShardProgress(status: status, measuredEpochs: measured, checkpoint: checkpoint)
    }

    /// Writes a measurement and the checkpoint taken at the same epoch, in one transaction.
    public func record(_ measurement: MeasurementInput, checkpoint: Data, trajectory id: String) throws(SlurmError) {
        precondition(Set(measurement.metrics.map(\.name)).count == measurement.metrics.count, "ShardStore.record: duplicate metric names")
        let metrics = Dictionary(uniqueKeysWithValues: measurement.metrics.map { ($0.name, $0.value) })
        try writing { db in
            try db.execute(sql: """
                INSERT INTO measurement (trajectory_id, epoch, metrics, timings, train_seconds, measure_seconds, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, measurement.epoch, StoreJSON.encode(metrics), StoreJSON.encode(measurement.timings),
                                 measurement.trainSeconds,
                                 measurement.measureSeconds, Self.now()])
            try store(StoredCheckpoint(epoch: measurement.epoch, data: checkpoint, unmeasuredSeconds: 0), trajectory: id, db)
        }
    }

    /// Writes a checkpoint between measurements (it replaces an older one, never a newer one).
    public func saveCheckpoint(_ checkpoint: StoredCheckpoint, trajectory id: String) throws(SlurmError) {
        try writing { db in try store(checkpoint, trajectory: id, db) }
    }

    /// Stores `checkpoint` for `trajectory` (registering it first) in a resume database.
    public func storeResumeCheckpoint(_ checkpoint: StoredCheckpoint, for trajectory: Trajectory) throws(SlurmError) {
        _ = try begin(trajectory)
        try saveCheckpoint(checkpoint, trajectory: trajectory.id)
    }

    private func store(_ checkpoint: StoredCheckpoint, trajectory id: String, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO checkpoint (trajectory_id, epoch, data, unmeasured_seconds, written_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (trajectory_id) DO UPDATE SET epoch = excluded.epoch, data = excluded.data,
                unmeasured_seconds = excluded.unmeasured_seconds, written_at = excluded.written_at
            WHERE excluded.epoch >= checkpoint.epoch
            """, arguments: [id, checkpoint.epoch, checkpoint.data, checkpoint.unmeasuredSeconds, Self.now()])
        try db.execute(sql: "UPDATE trajectory SET updated_at = ? WHERE id = ?", arguments: [Self.now(), id])
    }

    /// Marks trajectory `id` done: every epoch it was asked for is measured.
    public func finish(trajectory id: String) throws(SlurmError) {
        try setStatus("done", error: nil, trajectory: id)
    }

    /// Marks trajectory `id` failed with `error`.
    public func fail(trajectory id: String, error: String) throws(SlurmError) {
        try setStatus("failed", error: error, trajectory: id)
    }

    private func setStatus(_ status: String, error: String?, trajectory id: String) throws(SlurmError) {
        try writing { db in
            try db.execute(sql: "UPDATE trajectory SET status = ?, last_error = ?, updated_at = ? WHERE id = ?",
                           arguments: [status, error, Self.now(), id])
            try Self.logEvent(kind: status, trajectory: id, message: error ?? "all requested epochs measured", db)
        }
    }

    /// Records that the task finished its whole chunk (just before the file is renamed).
    public func markComplete() throws(SlurmError) {
        try writing { db in
            try db.execute(sql: "UPDATE shard SET completed_at = ?", arguments: [Self.now()])
            try Self.logEvent(kind: "complete", trajectory: nil, message: "every trajectory of the task is finished", db)
        }
    }

    /// Appends to the shard's event log.
    public func logEvent(kind: String, trajectory: String? = nil, message: String) throws(SlurmError) {
        try writing { db in try Self.logEvent(kind: kind, trajectory: trajectory, message: message, db) }
    }

    static func logEvent(kind: String, trajectory: String?, message: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO event (at, kind, trajectory_id, message) VALUES (?, ?, ?, ?)",
                       arguments: [now(), kind, trajectory, message])
    }

    static func checkpoint(_ row: Row) -> StoredCheckpoint {
        StoredCheckpoint(epoch: row["epoch"], data: row["data"], unmeasuredSeconds: row["unmeasured_seconds"])
    }

    static func now() -> Double { Date().timeIntervalSince1970 }
}
