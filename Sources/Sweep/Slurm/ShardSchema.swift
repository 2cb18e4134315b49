import GRDB

/// The schema of a shard: the results of one array task (or the checkpoints a submission resumes from).
///
/// A shard holds a subset of what the sweep database holds, in the same forms (`metrics` is the
/// store's metric JSON, `configuration` and `epochs` its JSON columns), so collecting is copying.
/// `timings` (seconds per metric step) are kept apart from the deterministic metrics.
/// `trajectory.epochs` are the epochs the task was asked to measure; `status` is `running` until
/// all of them are measured (`done`) or training failed (`failed`).
enum ShardSchema {
    /// The migrations, in order; never edit a shipped one, append a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: shard, trajectories, measurements, checkpoints, events") { db in
            try db.execute(sql: """
                CREATE TABLE shard (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    sweep_name TEXT NOT NULL,
                    manifest TEXT NOT NULL,
                    manifest_index INTEGER NOT NULL,
                    job INTEGER NOT NULL,
                    task INTEGER NOT NULL,
                    host TEXT NOT NULL,
                    created_at REAL NOT NULL,
                    completed_at REAL
                );
                CREATE TABLE trajectory (
                    id TEXT PRIMARY KEY,
                    configuration TEXT NOT NULL,
                    epochs TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed')),
                    last_error TEXT,
                    updated_at REAL NOT NULL
                );
                CREATE TABLE measurement (
                    trajectory_id TEXT NOT NULL REFERENCES trajectory (id),
                    epoch INTEGER NOT NULL,
                    metrics TEXT NOT NULL,
                    timings TEXT NOT NULL DEFAULT '{}',
                    train_seconds REAL NOT NULL,
                    measure_seconds REAL NOT NULL,
                    recorded_at REAL NOT NULL,
                    PRIMARY KEY (trajectory_id, epoch)
                ) WITHOUT ROWID;
                CREATE TABLE checkpoint (
                    trajectory_id TEXT PRIMARY KEY REFERENCES trajectory (id),
                    epoch INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    unmeasured_seconds REAL NOT NULL,
                    written_at REAL NOT NULL
                );
                CREATE TABLE event (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at REAL NOT NULL,
                    kind TEXT NOT NULL,
                    trajectory_id TEXT,
                    message TEXT NOT NULL
                );
                """)
        }
        return migrator
    }
}
