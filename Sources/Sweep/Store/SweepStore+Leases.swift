import Foundation
import GRDB

extension SweepStore {
    /// Puts back the trajectories whose holder is gone: leases past their expiry, and
    /// leases of processes on this host that no longer exist. Not counted as failures
    /// (the work was interrupted, not broken). Returns the ids reclaimed.
    @discardableResult
    public func reclaimStaleLeases() throws -> [String] {
        try write { db in
            let now = Self.now()
            let host = WorkerIdentity.currentHost
            var reclaimed: [String] = []
            for row in try Row.fetchAll(db, sql: """
                SELECT id, lease_owner, lease_host, lease_pid, lease_expires_at FROM trajectory WHERE status = 'running'
                """) {
                let owner: String? = row["lease_owner"]
                let expires: Double? = row["lease_expires_at"]
                let pid: Int32? = row["lease_pid"]
                let gone = row["lease_host"] == host && !(pid.map(WorkerIdentity.processIsRunning) ?? false)
                let expired = (expires ?? 0) < now
                guard owner == nil || gone || expired else { continue }
                let reason = owner == nil ? "no lease" : gone ? "worker process \(pid ?? 0) is gone" : "lease expired"
                try endAttempt(row["id"], owner: owner, status: .pending, outcome: "abandoned", exitStatus: reason,
                               error: nil, countsAsFailure: false, db)
                reclaimed.append(row["id"])
            }
            return reclaimed
        }
    }

    /// Reclaims whatever worker `owner` held after its process ended abnormally
    /// (`exitStatus`, e.g. `signal 9`); counted as a failed attempt. Returns the ids.
    @discardableResult
    public func reclaimLeases(of owner: String, exitStatus: String) throws -> [String] {
        try write { db in
            let ids = try String.fetchAll(db, sql: "SELECT id FROM trajectory WHERE lease_owner = ? AND status = 'running'",
                                          arguments: [owner])
            for id in ids {
                try endAttempt(id, owner: owner, status: nil, outcome: "crashed", exitStatus: exitStatus,
                               error: "worker \(owner) ended (\(exitStatus)) while training this trajectory",
                               countsAsFailure: true, db)
            }
            return ids
        }
    }

    /// Puts every failed trajectory of the current spec back to pending with its failure
    /// count reset; returns how many.
    @discardableResult
    public func retryFailed() throws -> Int {
        try write { db in
            try db.execute(sql: """
                UPDATE trajectory SET status = 'pending', failures = 0, updated_at = ? WHERE status = 'failed' AND in_spec = 1
                """, arguments: [Self.now()])
            let count = db.changesCount
            try logEvent(kind: "retry", message: "\(count) failed trajectories put back to pending", db)
            return count
        }
    }

    /// Ends `owner`'s open attempt on trajectory `id` and clears its lease.
    ///
    /// `status` is the new status; with `countsAsFailure` it is decided by the failure
    /// count against the current spec's `max_attempts` (pending, or failed when exhausted).
    /// Does nothing if `owner` does not hold the lease (`nil` matches a running row without owner).
    func endAttempt(_ id: String, owner: String?, status: TrajectoryStatus?, outcome: String, exitStatus: String,
                    error: String?, countsAsFailure: Bool, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT failures, last_epoch FROM trajectory WHERE id = ? AND lease_owner IS ? AND status = 'running'
            """, arguments: [id, owner]) else { return }
        var failures: Int = row["failures"]
        var newStatus = status ?? .pending
        if countsAsFailure {
            failures += 1
            let maxAttempts = try Int.fetchOne(db, sql: "SELECT max_attempts FROM sweep WHERE is_current = 1") ?? 1
            newStatus = failures >= maxAttempts ? .failed : .pending
        }
        let now = Self.now()
        try db.execute(sql: """
            UPDATE trajectory SET status = ?, failures = ?, lease_owner = NULL, lease_host = NULL, lease_pid = NULL,
                lease_expires_at = NULL, last_error = coalesce(?, last_error), updated_at = ?
            WHERE id = ?
            """, arguments: [newStatus.rawValue, failures, error, now, id])
        try db.execute(sql: """
            UPDATE attempt SET ended_at = ?, end_epoch = ?, outcome = ?, exit_status = ?, error = ?
            WHERE trajectory_id = ? AND worker IS ? AND ended_at IS NULL
            """, arguments: [now, row["last_epoch"] as Int?, outcome, exitStatus, error, id, owner])
        var message = "\(outcome) (\(exitStatus)) -> \(newStatus)"
        if let error { message += ": \(error)" }
        try logEvent(kind: outcome, trajectory: id, worker: owner, message: message, db)
    }
}
