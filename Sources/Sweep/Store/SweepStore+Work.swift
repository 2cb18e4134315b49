import Foundation
import GRDB
import Metrics

extension SweepStore {
    /// What is stored of the trajectories' measurements and checkpoints, read in one pass:
    /// the settings fingerprints of every measured epoch and the epochs with a kept checkpoint.
    struct StoredProgress {
        var measured: [String: [Int: [String: String]]] = [:]
        var checkpointEpochs: [String: Set<Int>] = [:]

        /// The work left for `trajectory`, measured with its configuration's settings.
        func work(for trajectory: Trajectory) throws -> TrajectoryWork {
            TrajectoryWork(epochs: trajectory.epochs, current: try trajectory.configuration.metricSettings().fingerprints,
                           measured: measured[trajectory.id] ?? [:], checkpointEpochs: checkpointEpochs[trajectory.id] ?? [])
        }
    }

    /// The stored progress of every trajectory (`id` nil) or of one.
    func storedProgress(of id: String? = nil, _ db: Database) throws -> StoredProgress {
        var progress = StoredProgress()
        let filter = id == nil ? "" : " WHERE trajectory_id = ?"
        let arguments: StatementArguments = id.map { [$0] } ?? []
        var decoded: [String: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT trajectory_id, epoch, settings FROM measurement" + filter, arguments: arguments) {
            let text: String = row["settings"]
            let trajectory: String = row["trajectory_id"], epoch: Int = row["epoch"]
            if decoded[text] == nil {
                decoded[text] = try StoreJSON.decode([String: String].self, from: text, table: "measurement", column: "settings",
                                                     row: "\(trajectory) epoch \(epoch)")
            }
            progress.measured[trajectory, default: [:]][epoch] = decoded[text]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT trajectory_id, epoch FROM epoch_checkpoint\(filter) UNION ALL SELECT trajectory_id, epoch FROM checkpoint\(filter)
            """, arguments: id.map { [$0, $0] } ?? []) {
            progress.checkpointEpochs[row["trajectory_id"], default: []].insert(row["epoch"])
        }
        return progress
    }

    /// The work left for the stored trajectory `trajectory`.
    func work(for trajectory: Trajectory, _ db: Database) throws -> TrajectoryWork {
        try storedProgress(of: trajectory.id, db).work(for: trajectory)
    }

    /// Records what kind of work `id` has left (read by claims: `measure` takes only checkpoint work).
    func recordWorkKind(_ work: TrajectoryWork, of id: String, _ db: Database) throws {
        try db.execute(sql: "UPDATE trajectory SET needs_training = ?, checkpoint_work = ? WHERE id = ?",
                       arguments: [work.needsTraining, !work.fromCheckpoint.isEmpty, id])
    }

    /// The checkpoint kept for `epoch` of trajectory `id` (a measured epoch's, or the latest if it is at `epoch`).
    public func checkpoint(trajectory id: String, epoch: Int) throws -> StoredCheckpoint? {
        try read { db in try checkpoint(trajectory: id, epoch: epoch, db) }
    }

    func checkpoint(trajectory id: String, epoch: Int, _ db: Database) throws -> StoredCheckpoint? {
        if let data = try Data.fetchOne(db, sql: "SELECT data FROM epoch_checkpoint WHERE trajectory_id = ? AND epoch = ?",
                                        arguments: [id, epoch]) {
            return StoredCheckpoint(epoch: epoch, data: data, unmeasuredSeconds: 0)
        }
        return try Row.fetchOne(db, sql: "SELECT data, unmeasured_seconds FROM checkpoint WHERE trajectory_id = ? AND epoch = ?",
                                arguments: [id, epoch])
            .map { StoredCheckpoint(epoch: epoch, data: $0["data"], unmeasuredSeconds: $0["unmeasured_seconds"]) }
    }

    /// The measured epochs of `id`, increasing.
    public func measuredEpochs(trajectory id: String) throws -> [Int] {
        try read { db in
            try Int.fetchAll(db, sql: "SELECT DISTINCT epoch FROM measurement WHERE trajectory_id = ? ORDER BY epoch", arguments: [id])
        }
    }

    /// The epochs of `id` with a kept checkpoint (measured epochs' and the latest), increasing.
    public func checkpointEpochs(trajectory id: String) throws -> [Int] {
        try read { db in
            try Int.fetchAll(db, sql: """
                SELECT epoch FROM epoch_checkpoint WHERE trajectory_id = ? UNION SELECT epoch FROM checkpoint WHERE trajectory_id = ?
                ORDER BY epoch
                """, arguments: [id, id])
        }
    }
}
