import Foundation
import GRDB

extension SweepStore {
    /// Leases the next pending trajectory of the current spec to `worker`, or returns
    /// `nil` when none is pending.
    ///
    /// The trajectory with the most work left goes first (longest processing time
    /// first), so that no worker is left with a long trajectory at the end while the
    /// others idle; ties keep the spec's order.
    ///
    /// One IMMEDIATE transaction selects, marks running and opens an attempt, so two
    /// processes can never claim the same trajectory.
    public func claimNext(for worker: WorkerIdentity) throws -> Claim? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, configuration, axes, epochs FROM trajectory
                WHERE in_spec = 1 AND status = 'pending' ORDER BY estimated_flops DESC, ordinal LIMIT 1
                """) else { return nil }
            let id: String = row["id"]
            let trajectory = try decodeTrajectory(row)
            let measured = Set(try Int.fetchAll(db, sql: "SELECT epoch FROM measurement WHERE trajectory_id = ?", arguments: [id]))
            let toMeasure = trajectory.epochs.filter { !measured.contains($0) }
            var checkpoint: StoredCheckpoint?
            if let cpEpoch = try Int.fetchOne(db, sql: "SELECT epoch FROM checkpoint WHERE trajectory_id = ?", arguments: [id]),
               toMeasure.allSatisfy({ $0 >= cpEpoch }),
               let cp = try Row.fetchOne(db, sql: "SELECT data, unmeasured_seconds FROM checkpoint WHERE trajectory_id = ?", arguments: [id]) {
                checkpoint = StoredCheckpoint(epoch: cpEpoch, data: cp["data"], unmeasuredSeconds: cp["unmeasured_seconds"])
            }
            let now = Self.now()
            try db.execute(sql: """
                INSERT INTO attempt (trajectory_id, worker, host, pid, started_at, start_epoch) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, worker.name, worker.host, worker.pid, now, checkpoint?.epoch])
            let attemptID = db.lastInsertedRowID
            try db.execute(sql: """
                UPDATE trajectory SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_host = ?,
                    lease_pid = ?, lease_expires_at = ?, current_epoch = ?, updated_at = ?
                WHERE id = ?
                """, arguments: [worker.name, worker.host, worker.pid, now + leaseDuration, checkpoint?.epoch ?? 0, now, id])
            let from = checkpoint.map { "checkpoint at epoch \($0.epoch)" } ?? "initialisation"
            try logEvent(kind: "claim", trajectory: id, worker: worker.name,
                         message: "attempt \(attemptID) from \(from), to measure \(toMeasure)", db)
            return Claim(trajectory: trajectory, worker: worker, attemptID: attemptID, specHash: try currentSpecHash(db),
                         checkpoint: checkpoint, epochsToMeasure: toMeasure)
        }
    }

    /// Extends the lease on `claim` and records the epoch being trained; returns
    /// `false` when the lease is no longer held (the worker must drop the trajectory).
    public func heartbeat(_ claim: Claim, currentEpoch: Int) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                UPDATE trajectory SET lease_expires_at = ?, current_epoch = ? WHERE id = ? AND lease_owner = ?
                """, arguments: [Self.now() + leaseDuration, currentEpoch, claim.trajectory.id, claim.worker.name])
            return db.changesCount == 1
        }
    }

    /// Writes a measurement and the checkpoint taken at the same epoch in one transaction.
    ///
    /// Throws ``StoreError/leaseLost(trajectory:owner:)`` (writing nothing) if the
    /// worker no longer holds the lease.
    public func record(_ measurement: MeasurementInput, checkpoint: Data, for claim: Claim) throws {
        precondition(Set(measurement.metrics.map(\.name)).count == measurement.metrics.count,
                     "SweepStore.record: duplicate metric names")
        let metrics = Dictionary(uniqueKeysWithValues: measurement.metrics.map { ($0.name, $0.value) })
        try write { db in
            try requireLease(claim, db)
            try db.execute(sql: """
                INSERT INTO measurement (trajectory_id, epoch, metrics, timings, train_seconds, measure_seconds, spec_hash,
                                         attempt_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [claim.trajectory.id, measurement.epoch, StoreJSON.encode(metrics),
                                 StoreJSON.encode(measurement.timings), measurement.trainSeconds,
                                 measurement.measureSeconds, claim.specHash, claim.attemptID, Self.now()])
            try storeCheckpoint(StoredCheckpoint(epoch: measurement.epoch, data: checkpoint, unmeasuredSeconds: 0), for: claim, db)
        }
    }

    /// Writes an intermediate checkpoint (between measured epochs).
    public func saveCheckpoint(_ checkpoint: StoredCheckpoint, for claim: Claim) throws {
        try write { db in
            try requireLease(claim, db)
            try storeCheckpoint(checkpoint, for: claim, db)
        }
    }

    /// Ends a claim whose planned epochs are all measured: the trajectory is done, or
    /// pending again if its epoch list grew meanwhile. `setupSeconds` is what the attempt
    /// spent preparing data (loading the dataset, building the training set).
    public func finish(_ claim: Claim, setupSeconds: Double = 0) throws {
        try write { db in
            try requireLease(claim, db)
            try db.execute(sql: "UPDATE attempt SET setup_seconds = ? WHERE id = ?", arguments: [setupSeconds, claim.attemptID])
            let epochsText = try String.fetchOne(db, sql: "SELECT epochs FROM trajectory WHERE id = ?", arguments: [claim.trajectory.id])!
            let requested = try StoreJSON.decode([Int].self, from: epochsText, table: "trajectory", column: "epochs", row: claim.trajectory.id)
            let measured = Set(try Int.fetchAll(db, sql: "SELECT epoch FROM measurement WHERE trajectory_id = ?", arguments: [claim.trajectory.id]))
            let status: TrajectoryStatus = Set(requested).isSubset(of: measured) ? .done : .pending
            try endAttempt(claim.trajectory.id, owner: claim.worker.name, status: status, outcome: "done",
                           exitStatus: "completed", error: nil, countsAsFailure: false, db)
        }
    }

    /// Gives a trajectory back (pending) without counting a failure, e.g. on Ctrl-C.
    /// Does nothing if the lease is no longer held.
    public func release(_ claim: Claim, reason: String) throws {
        try write { db in
            try endAttempt(claim.trajectory.id, owner: claim.worker.name, status: .pending, outcome: "interrupted",
                           exitStatus: reason, error: nil, countsAsFailure: false, db)
        }
    }

    /// Records a failed attempt: the trajectory is retried (pending) until it has failed
    /// `max_attempts` times, then marked failed. Does nothing if the lease is no longer held.
    public func recordFailure(_ claim: Claim, error: String, exitStatus: String = "error") throws {
        try write { db in
            try endAttempt(claim.trajectory.id, owner: claim.worker.name, status: nil, outcome: "failed",
                           exitStatus: exitStatus, error: error, countsAsFailure: true, db)
        }
    }

    private func requireLease(_ claim: Claim, _ db: Database) throws {
        let owner = try String.fetchOne(db, sql: "SELECT lease_owner FROM trajectory WHERE id = ?", arguments: [claim.trajectory.id])
        guard owner == claim.worker.name else {
            throw StoreError.leaseLost(trajectory: claim.trajectory.id, owner: claim.worker.name)
        }
    }

    private func storeCheckpoint(_ checkpoint: StoredCheckpoint, for claim: Claim, _ db: Database) throws {
        let now = Self.now()
        // The latest checkpoint only: an older epoch (retraining from scratch) never replaces a newer one.
        try db.execute(sql: """
            INSERT INTO checkpoint (trajectory_id, epoch, data, unmeasured_seconds, written_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (trajectory_id) DO UPDATE SET epoch = excluded.epoch, data = excluded.data,
                unmeasured_seconds = excluded.unmeasured_seconds, written_at = excluded.written_at
            WHERE excluded.epoch >= checkpoint.epoch
            """, arguments: [claim.trajectory.id, checkpoint.epoch, checkpoint.data, checkpoint.unmeasuredSeconds, now])
        try db.execute(sql: """
            UPDATE trajectory SET last_epoch = max(coalesce(last_epoch, -1), ?), current_epoch = ?,
                lease_expires_at = ?, updated_at = ?
            WHERE id = ?
            """, arguments: [checkpoint.epoch, checkpoint.epoch, now + leaseDuration, now, claim.trajectory.id])
    }

    func currentSpecHash(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT spec_hash FROM sweep WHERE is_current = 1") ?? ""
    }

    func decodeTrajectory(_ row: Row) throws -> Trajectory {
        let id: String = row["id"]
        let configuration = try StoreJSON.decode(TrajectoryConfiguration.self, from: row["configuration"],
                                                 table: "trajectory", column: "configuration", row: id)
        let epochs = try StoreJSON.decode([Int].self, from: row["epochs"], table: "trajectory", column: "epochs", row: id)
        return Trajectory(id: id, configuration: configuration, epochs: epochs, axes: try StoreJSON.decodeAxes(row["axes"], row: id))
    }
}
