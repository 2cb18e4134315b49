import GRDB

/// The sweep database's schema, as a sequence of migrations.
///
/// Times are Unix seconds (`REAL`). JSON columns: `trajectory.configuration`
/// (a ``TrajectoryConfiguration``), `trajectory.axes` (axis name to
/// `{"int": 16}`, `{"double": 0.01}`, `{"string": "adam"}` or `{"bool": true}`),
/// `trajectory.epochs` (the requested epochs) and `measurement.metrics`
/// (metric name to number; `"nan"`, `"inf"`, `"-inf"` for non-finite values) and
/// `measurement.timings` (seconds per metric step; kept apart from the metrics,
/// which are deterministic while timings are not) and `measurement.settings` (metric step to
/// the fingerprint of the settings it was measured with, see `MetricSettings.fingerprint(of:)`).
/// `epoch_checkpoint` keeps the checkpoint of each measured epoch where the sweep keeps them
/// (`execution.checkpoints`); `checkpoint` holds each trajectory's latest one.
enum StoreSchema {
    /// The migrations, in order; never edit a shipped one, append a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sweep, trajectories, measurements, checkpoints, attempts, events") { db in
            try db.execute(sql: """
                CREATE TABLE sweep (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    spec_text TEXT NOT NULL,
                    spec_hash TEXT NOT NULL UNIQUE,
                    max_attempts INTEGER NOT NULL,
                    tool_version TEXT NOT NULL,
                    git_commit TEXT,
                    host TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    last_used_at REAL NOT NULL,
                    is_current INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE trajectory (
                    id TEXT PRIMARY KEY,
                    ordinal INTEGER NOT NULL,
                    estimated_flops REAL NOT NULL DEFAULT 0,
                    configuration TEXT NOT NULL,
                    axes TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    epochs TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
                    in_spec INTEGER NOT NULL DEFAULT 1,
                    spec_hash TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    failures INTEGER NOT NULL DEFAULT 0,
                    lease_owner TEXT,
                    lease_host TEXT,
                    lease_pid INTEGER,
                    lease_expires_at REAL,
                    current_epoch INTEGER,
                    last_epoch INTEGER,
                    last_error TEXT,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL
                );
                CREATE INDEX trajectory_by_claim_order ON trajectory (in_spec, status, estimated_flops DESC, ordinal);
                CREATE INDEX trajectory_by_lease_owner ON trajectory (lease_owner);
                CREATE TABLE measurement (
                    trajectory_id TEXT NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
                    epoch INTEGER NOT NULL,
                    metrics TEXT NOT NULL,
                    timings TEXT NOT NULL DEFAULT '{}',
                    train_seconds REAL NOT NULL,
                    measure_seconds REAL NOT NULL,
                    spec_hash TEXT NOT NULL,
                    attempt_id INTEGER,
                    recorded_at REAL NOT NULL,
                    PRIMARY KEY (trajectory_id, epoch)
                ) WITHOUT ROWID;
                CREATE TABLE checkpoint (
                    trajectory_id TEXT PRIMARY KEY REFERENCES trajectory (id) ON DELETE CASCADE,
                    epoch INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    unmeasured_seconds REAL NOT NULL,
                    written_at REAL NOT NULL
                );
                CREATE TABLE attempt (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    trajectory_id TEXT NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
                    worker TEXT NOT NULL,
                    host TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    started_at REAL NOT NULL,
                    start_epoch INTEGER,
                    ended_at REAL,
                    end_epoch INTEGER,
                    outcome TEXT,
                    exit_status TEXT,
                    error TEXT
                );
                CREATE INDEX attempt_by_trajectory ON attempt (trajectory_id);
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    trajectory_id TEXT,
                    worker TEXT,
                    message TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: attempt setup seconds") { db in
            // Seconds an attempt spent preparing data (dataset load, training set), for overhead reports.
            try db.execute(sql: "ALTER TABLE attempt ADD COLUMN setup_seconds REAL NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v3: identity without metric settings, measurement settings, measured-epoch checkpoints, spec owner") { db in
            try db.execute(sql: """
                ALTER TABLE measurement ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
                ALTER TABLE trajectory ADD COLUMN needs_training INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE trajectory ADD COLUMN checkpoint_work INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sweep ADD COLUMN spec_path TEXT;
                ALTER TABLE sweep ADD COLUMN checkpoints TEXT NOT NULL DEFAULT 'last';
                CREATE TABLE epoch_checkpoint (
                    trajectory_id TEXT NOT NULL REFERENCES trajectory (id) ON DELETE CASCADE,
                    epoch INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    written_at REAL NOT NULL,
                    PRIMARY KEY (trajectory_id, epoch)
                );
                """)
            try StoreSchema.rekeyWithoutMetricSettings(db)
        }
        return migrator
    }
}
