import Foundation
import GRDB

extension SweepStore {
    /// Leases the next pending trajectory of the current spec to `worker`, or returns
    /// `nil` when none is pending.
    ///
    /// The trajectory with the most work left goes first (longest processing time
    /// first), so that no worker is left with a long trajectory at the end while the
    /// others idle; ties keep the spec's order. With `measureOnly` (`hashsweep measure`) only
    /// trajectories with re-measurements from kept checkpoints are claimed, for those alone.
    ///
    /// One IMMEDIATE transaction selects, marks running and opens an attempt, so two
    /// processes can never claim the same trajectory.
    public func claimNext(for worker: WorkerIdentity, measureOnly: Bool = false) throws -> Claim? {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, configuration, axes, epochs FROM trajectory
                WHERE in_spec = 1 AND status = 'pending' \(measureOnly ? "AND checkpoint_work = 1" : "")
                ORDER BY estimated_flops DESC, ordinal LIMIT 1
                """) else { return nil }
            let id: String = row["id"]
            let trajectory = try decodeTrajectory(row)
            var work = try work(for: trajectory, db)
            if measureOnly { work.newEpochs = []; work.byTraining = [:] }
            let toMeasure = work.trainingEpochs
            // Training starts from the latest kept checkpoint that does not skip an epoch it must reach.
            var checkpoint: StoredCheckpoint?
            if let first = toMeasure.first, let epoch = try Int.fetchOne(db, sql: """
                SELECT max(epoch) FROM (SELECT epoch FROM checkpoint WHERE trajectory_id = ?
                                        UNION ALL SELECT epoch FROM epoch_checkpoint WHERE trajectory_id = ?) WHERE epoch <= ?
                """, arguments: [id, id, first]) {
                checkpoint = try self.checkpoint(trajectory: id, epoch: epoch, db)
            }
            let keeps = try String.fetchOne(db, sql: "SELECT checkpoints FROM sweep WHERE is_current = 1") == "measured"
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
            let remeasure = work.fromCheckpoint.isEmpty ? "" : ", to re-measure from checkpoints \(work.fromCheckpoint.keys.sorted())"
            try logEvent(kind: "claim", trajectory: id, worker: worker.name,
                         message: "attempt \(attemptID) from \(from), to measure \(toMeasure)\(remeasure)", db)
            return Claim(trajectory: trajectory, worker: worker, attemptID: attemptID, specHash: try currentSpecHash(db),
                         checkpoint: checkpoint, epochsToMeasure: toMeasure, work: work, keepsMeasuredCheckpoints: keeps)
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

    /// Writes a measurement and the checkpoint taken at the same epoch (if any) in one transaction.
    ///
    /// A re-measurement merges its metrics, timings and settings into the stored measurement
    /// (its training seconds are kept). The checkpoint becomes the latest one unless a later
    /// one is stored, and is kept as the epoch's checkpoint where the sweep keeps those.
    /// Throws ``StoreError/leaseLost(trajectory:owner:)`` (writing nothing) if the
    /// worker no longer holds the lease.
    public func record(_ measurement: MeasurementInput, checkpoint: Data?, for claim: Claim) throws {
        precondition(Set(measurement.metrics.map(\.name)).count == measurement.metrics.count,
                     "SweepStore.record: duplicate metric names")
        // Without the fingerprint of every step it measured, the epoch would look stale at once
        // and be claimed again for ever.
        let expected = try claim.trajectory.configuration.metricSettings().fingerprints.keys
        precondition(measurement.isRemeasurement ? !measurement.settings.isEmpty : expected.allSatisfy { measurement.settings[$0] != nil },
                     "SweepStore.record: the measurement lacks the settings fingerprints of its steps (MetricSettings.fingerprints)")
        try write { db in
            try requireLease(claim, db)
            if measurement.isRemeasurement {
                try mergeRemeasurement(measurement, into: claim.trajectory.id, specHash: claim.specHash, db)
            } else {
                let metrics = Dictionary(uniqueKeysWithValues: measurement.metrics.map { ($0.name, $0.value) })
                try db.execute(sql: """
                    INSERT INTO measurement (trajectory_id, epoch, metrics, timings, train_seconds, measure_seconds, spec_hash,
                                             attempt_id, recorded_at, settings)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [claim.trajectory.id, measurement.epoch, StoreJSON.encode(metrics),
                                     StoreJSON.encode(measurement.timings), measurement.trainSeconds,
                                     measurement.measureSeconds, claim.specHash, claim.attemptID, Self.now(),
                                     StoreJSON.encode(measurement.settings)])
            }
            guard let checkpoint else { return }
            try storeCheckpoint(StoredCheckpoint(epoch: measurement.epoch, data: checkpoint, unmeasuredSeconds: 0), for: claim, db)
            if claim.keepsMeasuredCheckpoints {
                try db.execute(sql: """
                    INSERT OR REPLACE INTO epoch_checkpoint (trajectory_id, epoch, data, written_at) VALUES (?, ?, ?, ?)
                    """, arguments: [claim.trajectory.id, measurement.epoch, checkpoint, Self.now()])
            }
        }
    }

    /// Merges the steps of a re-measurement into the stored measurement of its epoch.
    private func mergeRemeasurement(_ measurement: MeasurementInput, into id: String, specHash: String, _ db: Database) throws {
        let label = "\(id) epoch \(measurement.epoch)"
        guard let row = try Row.fetchOne(db, sql: "SELECT metrics, timings, settings FROM measurement WHERE trajectory_id = ? AND epoch = ?",
                                         arguments: [id, measurement.epoch]) else {
            preconditionFailure("SweepStore.record: re-measurement of \(label), which has no measurement")
        }
        var metrics = try StoreJSON.decode([String: Double].self, from: row["metrics"], table: "measurement", column: "metrics", row: label)
        var timings = try StoreJSON.decode([String: Double].self, from: row["timings"], table: "measurement", column: "timings", row: label)
        var settings = try StoreJSON.decode([String: String].self, from: row["settings"], table: "measurement", column: "settings", row: label)
        for (name, value) in measurement.metrics { metrics[name] = value }
        timings.merge(measurement.timings) { $1 }
        settings.merge(measurement.settings) { $1 }
        try db.execute(sql: """
            UPDATE measurement SET metrics = ?, timings = ?, settings = ?, spec_hash = ?, recorded_at = ?
            WHERE trajectory_id = ? AND epoch = ?
            """, arguments: [StoreJSON.encode(metrics), StoreJSON.encode(timings), StoreJSON.encode(settings), specHash, Self.now(),
                             id, measurement.epoch])
    }

    /// Writes an intermediate checkpoint (between measured epochs).
    public func saveCheckpoint(_ checkpoint: StoredCheckpoint, for claim: Claim) throws {
        try write { db in
            try requireLease(claim, db)
            try storeCheckpoint(checkpoint, for: claim, db)
        }
    }

    /// Ends a claim whose planned work is done: the trajectory is done, or pending again if
    /// work remains (its epoch list grew meanwhile, or `measure` left the training part).
    /// `setupSeconds` is what the attempt spent preparing data (loading the dataset, building
    /// the training set).
    public func finish(_ claim: Claim, setupSeconds: Double = 0) throws {
        try write { db in
            try requireLease(claim, db)
            try db.execute(sql: "UPDATE attempt SET setup_seconds = ? WHERE id = ?", arguments: [setupSeconds, claim.attemptID])
            guard let row = try Row.fetchOne(db, sql: "SELECT id, configuration, axes, epochs FROM trajectory WHERE id = ?",
                                             arguments: [claim.trajectory.id]) else { throw StoreError.unknownTrajectory(id: claim.trajectory.id) }
            let work = try work(for: try decodeTrajectory(row), db)
            try recordWorkKind(work, of: claim.trajectory.id, db)
            try endAttempt(claim.trajectory.id, owner: claim.worker.name, status: work.isEmpty ? .done : .pending, outcome: "done",
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
