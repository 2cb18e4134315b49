import Foundation
import GRDB

/// One measurement as a shard holds it.
public struct ShardMeasurement: Sendable {
    /// The trajectory measured.
    public var trajectoryID: String
    /// Epochs trained when measured.
    public var epoch: Int
    /// Metric name to value.
    public var metrics: [String: Double]
    /// Seconds per metric step (not deterministic, unlike ``metrics``).
    public var timings: [String: Double]
    /// Training seconds since the previous measurement.
    public var trainSeconds: Double
    /// Seconds spent measuring.
    public var measureSeconds: Double
    /// The fingerprint of the settings of every metric step measured (from the configuration the task ran).
    public var settings: [String: String] = [:]

    /// Whether `other` holds the same metric values, bit for bit (NaN equals NaN).
    public func hasSameValues(as other: [String: Double]) -> Bool {
        metrics.count == other.count && metrics.allSatisfy { name, value in Self.sameValue(value, other[name]) }
    }

    /// Whether `a` and `b` are the same number bit for bit (any NaN equals any NaN).
    static func sameValue(_ a: Double, _ b: Double?) -> Bool {
        guard let b else { return false }
        return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }
}

/// A trajectory's state in a shard.
public struct ShardTrajectory: Sendable, Equatable {
    /// Its id.
    public var id: String
    /// The epochs the task was asked to measure.
    public var epochs: [Int]
    /// `running`, `done` or `failed`.
    public var status: String
    /// Why it failed, if it did.
    public var lastError: String?
}

extension ShardStore {
    /// Which task wrote the shard (`nil` for a resume database).
    public func origin() throws(SlurmError) -> ShardOrigin? {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT * FROM shard WHERE id = 1").map {
                ShardOrigin(sweepName: $0["sweep_name"], manifestPath: $0["manifest"], manifestIndex: $0["manifest_index"],
                            job: $0["job"], task: $0["task"], host: $0["host"])
            }
        }
    }

    /// Whether the task that wrote the shard finished its whole chunk.
    public func isComplete() throws(SlurmError) -> Bool {
        try reading { db in try Double.fetchOne(db, sql: "SELECT completed_at FROM shard WHERE id = 1") != nil }
    }

    /// Every trajectory the shard knows, by id.
    public func trajectories() throws(SlurmError) -> [ShardTrajectory] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT id, epochs, status, last_error FROM trajectory ORDER BY id").map { row in
                let id: String = row["id"]
                return ShardTrajectory(id: id, epochs: try StoreJSON.decode([Int].self, from: row["epochs"], table: "trajectory",
                                                                           column: "epochs", row: id),
                                       status: row["status"], lastError: row["last_error"])
            }
        }
    }

    /// Every measurement, by trajectory then epoch.
    public func measurements() throws(SlurmError) -> [ShardMeasurement] {
        try reading { db in
            try Row.fetchAll(db, sql: """
                SELECT m.trajectory_id, m.epoch, m.metrics, m.timings, m.train_seconds, m.measure_seconds, t.configuration
                FROM measurement m JOIN trajectory t ON t.id = m.trajectory_id ORDER BY m.trajectory_id, m.epoch
                """).map { row in
                let id: String = row["trajectory_id"]
                let epoch: Int = row["epoch"]
                let configuration = try StoreJSON.decode(TrajectoryConfiguration.self, from: row["configuration"], table: "trajectory",
                                                         column: "configuration", row: id)
                return ShardMeasurement(
                    trajectoryID: id, epoch: epoch,
                    metrics: try StoreJSON.decode([String: Double].self, from: row["metrics"], table: "measurement",
                                                  column: "metrics", row: "\(id) epoch \(epoch)"),
                    timings: try StoreJSON.decode([String: Double].self, from: row["timings"], table: "measurement",
                                                  column: "timings", row: "\(id) epoch \(epoch)"),
                    trainSeconds: row["train_seconds"], measureSeconds: row["measure_seconds"],
                    settings: (try? configuration.metricSettings().fingerprints) ?? [:])
            }
        }
    }

    /// The latest checkpoint of every trajectory that has one, by trajectory id.
    public func checkpoints() throws(SlurmError) -> [String: StoredCheckpoint] {
        try reading { db in
            var result: [String: StoredCheckpoint] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trajectory_id, epoch, data, unmeasured_seconds FROM checkpoint") {
                result[row["trajectory_id"]] = Self.checkpoint(row)
            }
            return result
        }
    }

    /// The shard's event log, oldest first: (kind, trajectory, message).
    public func events() throws(SlurmError) -> [(kind: String, trajectory: String?, message: String)] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT kind, trajectory_id, message FROM event ORDER BY id").map {
                (kind: $0["kind"], trajectory: $0["trajectory_id"], message: $0["message"])
            }
        }
    }

    /// The epoch of every trajectory's latest checkpoint, by trajectory id (without loading the data).
    public func checkpointEpochs() throws(SlurmError) -> [String: Int] {
        try reading { db in
            var result: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trajectory_id, epoch FROM checkpoint") { result[row["trajectory_id"]] = row["epoch"] }
            return result
        }
    }

    /// Measured epochs of every trajectory, by trajectory id.
    public func measuredEpochs() throws(SlurmError) -> [String: Set<Int>] {
        try reading { db in
            var result: [String: Set<Int>] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trajectory_id, epoch FROM measurement") {
                result[row["trajectory_id"], default: []].insert(row["epoch"])
            }
            return result
        }
    }

    /// The latest checkpoint of trajectory `id`, if the shard has one.
    public func checkpoint(of id: String) throws(SlurmError) -> StoredCheckpoint? {
        try reading { db in
            try Row.fetchOne(db, sql: "SELECT epoch, data, unmeasured_seconds FROM checkpoint WHERE trajectory_id = ?",
                             arguments: [id]).map(Self.checkpoint)
        }
    }
}
