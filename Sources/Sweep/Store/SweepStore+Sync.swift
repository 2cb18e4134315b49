import Foundation
import GRDB

extension SweepStore {
    /// Records `definition` as the current spec and brings the trajectories in line with it,
    /// in one transaction.
    ///
    /// New trajectories are inserted as pending; existing ones (same content hash) keep
    /// their measurements and checkpoints and take the spec's configuration (which can differ
    /// only in what the hash leaves out: a moved dataset folder, the metric settings) and epoch
    /// list. A trajectory with work left (newly requested epochs, or measurements taken with other
    /// metric settings, see ``TrajectoryWork``) goes back to pending, and one without goes to done.
    /// Trajectories missing from the spec are retired: kept, never claimed, left out of
    /// ``measurements(includingRetired:)`` by default.
    /// Calling it twice with the same definition changes nothing the second time.
    ///
    /// Throws ``StoreError/ownedByAnotherSpec(path:owner:other:)`` when another spec file owns
    /// the sweep, unless `replacingOwner` (`run --replace`).
    @discardableResult
    public func synchronize(with definition: SweepDefinition, replacingOwner: Bool = false) throws -> SyncReport {
        try write { db in
            let now = Self.now()
            try checkOwner(definition, replacing: replacingOwner, db)
            try recordRevision(definition, now: now, db)
            var existing: [String: (epochs: String, status: String, inSpec: Bool)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, epochs, status, in_spec FROM trajectory") {
                existing[row["id"]] = (row["epochs"], row["status"], row["in_spec"])
            }
            let progress = try storedProgress(db)
            let insert = try db.cachedStatement(sql: """
                INSERT INTO trajectory (id, ordinal, estimated_flops, configuration, axes, seed, epochs, status, spec_hash,
                                        created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
                """)
            let update = try db.cachedStatement(sql: """
                UPDATE trajectory SET ordinal = ?, estimated_flops = ?, configuration = ?, axes = ?, epochs = ?, status = ?,
                    in_spec = 1, spec_hash = ?, needs_training = ?, checkpoint_work = ?, updated_at = ?
                WHERE id = ?
                """)
            var report = SyncReport()
            report.total = definition.trajectories.count
            var inSpec = Set<String>()
            for (ordinal, trajectory) in definition.trajectories.enumerated() {
                let id = trajectory.id
                guard inSpec.insert(id).inserted else { continue }
                let axes = StoreJSON.encodeAxes(trajectory.axes)
                let epochs = StoreJSON.encode(trajectory.epochs)
                let done = Set((progress.measured[id] ?? [:]).keys)
                let resumable = trajectory.epochs.prefix { done.contains($0) }.last
                let estimate = ComputeEstimate(configuration: trajectory.configuration, epochs: trajectory.epochs, after: resumable)
                guard let old = existing[id] else {
                    try insert.execute(arguments: [id, ordinal, estimate.totalFLOPs, StoreJSON.encode(trajectory.configuration), axes,
                                                   trajectory.configuration.seed, epochs, definition.specHash, now, now])
                    report.added += 1
                    continue
                }
                let work = try progress.work(for: trajectory)
                var status = old.status
                if status == TrajectoryStatus.done.rawValue && !work.isEmpty { status = TrajectoryStatus.pending.rawValue }
                if status == TrajectoryStatus.pending.rawValue && work.isEmpty { status = TrajectoryStatus.done.rawValue }
                if old.status == TrajectoryStatus.done.rawValue && !work.newEpochs.isEmpty { report.extended += 1 }
                if !work.fromCheckpoint.isEmpty { report.remeasuredFromCheckpoints += 1 }
                if !work.byTraining.isEmpty { report.remeasuredByTraining += 1 }
                if !old.inSpec { report.restored += 1 }
                try update.execute(arguments: [ordinal, estimate.totalFLOPs, StoreJSON.encode(trajectory.configuration), axes, epochs,
                                               status, definition.specHash, work.needsTraining, !work.fromCheckpoint.isEmpty, now, id])
            }
            let retire = try db.cachedStatement(sql: "UPDATE trajectory SET in_spec = 0, updated_at = ? WHERE id = ?")
            for (id, old) in existing where old.inSpec && !inSpec.contains(id) {
                try retire.execute(arguments: [now, id])
                report.retired += 1
            }
            try logEvent(kind: "sync", message: "spec \(definition.specHash.prefix(12)): \(report.total) trajectories, "
                         + "\(report.added) added, \(report.extended) extended, \(report.remeasuredFromCheckpoints) re-measured "
                         + "from checkpoints, \(report.remeasuredByTraining) re-measured by training, \(report.retired) retired, "
                         + "\(report.restored) restored", db)
            return report
        }
    }

    /// Throws unless the sweep is new, owned by `definition`'s spec file, or being adopted.
    private func checkOwner(_ definition: SweepDefinition, replacing: Bool, _ db: Database) throws {
        guard let path = definition.specPath, !replacing,
              let owner = try String.fetchOne(db, sql: "SELECT spec_path FROM sweep WHERE is_current = 1"),
              owner != path else { return }
        throw StoreError.ownedByAnotherSpec(path: self.path, owner: owner, other: path)
    }

    private func recordRevision(_ definition: SweepDefinition, now: Double, _ db: Database) throws {
        try db.execute(sql: "UPDATE sweep SET is_current = 0 WHERE is_current = 1")
        try db.execute(sql: """
            INSERT INTO sweep (name, spec_text, spec_hash, max_attempts, tool_version, git_commit, host, created_at, last_used_at,
                               is_current, spec_path, checkpoints)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            ON CONFLICT (spec_hash) DO UPDATE SET last_used_at = excluded.last_used_at, is_current = 1,
                max_attempts = excluded.max_attempts, spec_path = coalesce(excluded.spec_path, spec_path),
                checkpoints = excluded.checkpoints
            """, arguments: [definition.name, definition.specText, definition.specHash, definition.maxAttempts,
                             definition.toolVersion, definition.gitCommit, WorkerIdentity.currentHost, now, now,
                             definition.specPath, definition.keepsMeasuredCheckpoints ? "measured" : "last"])
    }

    /// Appends an entry to the event log (inside the caller's transaction).
    func logEvent(kind: String, trajectory: String? = nil, worker: String? = nil, message: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO event (at, kind, trajectory_id, worker, message) VALUES (?, ?, ?, ?, ?)",
                       arguments: [Self.now(), kind, trajectory, worker, message])
    }
}
