import Foundation
import GRDB

/// One attempt at a trajectory: who ran it, from which epoch, and how it ended.
public struct AttemptRecord: Sendable, Equatable {
    /// Row id.
    public var id: Int64
    /// The trajectory attempted.
    public var trajectoryID: String
    /// Worker name, host and pid.
    public var worker: String
    /// Host the worker ran on.
    public var host: String
    /// Process id of the worker.
    public var pid: Int32
    /// When it started.
    public var startedAt: Date
    /// The checkpoint epoch it resumed from (`nil`: from initialisation).
    public var startEpoch: Int?
    /// When it ended (`nil` while running or if its process vanished).
    public var endedAt: Date?
    /// Latest checkpoint epoch when it ended.
    public var endEpoch: Int?
    /// `done`, `failed`, `crashed`, `interrupted` or `abandoned`; `nil` while open.
    public var outcome: String?
    /// `completed`, `error`, `signal 9`, `exit 1`, `lease expired`, ...
    public var exitStatus: String?
    /// The error message of a failed attempt.
    public var error: String?
    /// Seconds spent preparing data (dataset load, training set) in a finished attempt.
    public var setupSeconds: Double
}

/// One entry of the sweep's event log.
public struct EventRecord: Sendable, Equatable {
    /// When it happened.
    public var at: Date
    /// `sync`, `claim`, `done`, `failed`, `crashed`, `interrupted`, `abandoned`, `retry`, ...
    public var kind: String
    /// The trajectory concerned, if any.
    public var trajectoryID: String?
    /// The worker concerned, if any.
    public var worker: String?
    /// What happened, in words.
    public var message: String
}

extension SweepStore {
    /// Attempts in the order they started, optionally for one trajectory.
    public func attempts(of trajectoryID: String? = nil) throws -> [AttemptRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attempt WHERE ? IS NULL OR trajectory_id = ? ORDER BY id",
                             arguments: [trajectoryID, trajectoryID]).map { row in
                AttemptRecord(id: row["id"], trajectoryID: row["trajectory_id"], worker: row["worker"], host: row["host"],
                              pid: row["pid"], startedAt: Date(timeIntervalSince1970: row["started_at"]),
                              startEpoch: row["start_epoch"],
                              endedAt: (row["ended_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                              endEpoch: row["end_epoch"], outcome: row["outcome"], exitStatus: row["exit_status"],
                              error: row["error"], setupSeconds: row["setup_seconds"])
            }
        }
    }

    /// The event log, oldest first.
    public func events() throws -> [EventRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY id").map { row in
                EventRecord(at: Date(timeIntervalSince1970: row["at"]), kind: row["kind"], trajectoryID: row["trajectory_id"],
                            worker: row["worker"], message: row["message"])
            }
        }
    }
}
