import Foundation
import GRDB

/// A shard database: what one array task trained, in a file of its own.
///
/// Shards live on whatever filesystem the cluster shares (often NFS), where SQLite's WAL mode does
/// not work, so a shard uses a rollback journal and exactly one writer: the task that owns it.
/// Each measurement is written with its checkpoint in one transaction, as in the sweep database,
/// so a task killed at any moment leaves a consistent shard to resume from. The same format holds
/// the checkpoints a resubmission resumes from (``SlurmSubmission``'s resume database).
public final class ShardStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    /// Opens the shard at `path` for writing, creating it (and recording `origin`) if it does not exist.
    ///
    /// A requeued task opens the shard it left, with its measurements and checkpoints.
    public static func openOrCreate(path: String, origin: ShardOrigin?) throws(SlurmError) -> ShardStore {
        let store = try ShardStore(path: path, queue: makeQueue(path: path, readonly: false))
        do {
            try ShardSchema.migrator.migrate(store.queue)
        } catch {
            throw .unwritableShard(path: path, reason: "\(error)")
        }
        try store.writing { db in
            if let origin {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO shard (id, sweep_name, manifest, manifest_index, job, task, host, created_at)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [origin.sweepName, origin.manifestPath, origin.manifestIndex, origin.job, origin.task,
                                     origin.host, Date().timeIntervalSince1970])
            }
        }
        return store
    }

    /// Opens an existing shard read-only (for collecting, status and resubmission).
    public static func openForReading(path: String) throws(SlurmError) -> ShardStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .unreadableShard(path: path, reason: "there is no such file")
        }
        let store = try ShardStore(path: path, queue: makeQueue(path: path, readonly: true))
        let applied = try store.reading { db in try ShardSchema.migrator.appliedIdentifiers(db) }
        guard applied == Set(ShardSchema.migrator.migrations) else {
            throw .unreadableShard(path: path, reason: "it is not a shard of this hashsweep version (migrations \(applied.sorted()))")
        }
        return store
    }

    private static func makeQueue(path: String, readonly: Bool) throws(SlurmError) -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.busyMode = .timeout(60)
        configuration.label = "shard"
        do {
            // DatabaseQueue keeps SQLite's rollback journal (no WAL): safe on network filesystems.
            return try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw readonly ? .unreadableShard(path: path, reason: "\(error)") : .unwritableShard(path: path, reason: "\(error)")
        }
    }

    /// Closes the file; the store must not be used afterwards (done before renaming a complete shard).
    public func close() throws(SlurmError) {
        do {
            try queue.close()
        } catch {
            throw .unwritableShard(path: path, reason: "closing failed: \(error)")
        }
    }

    /// Runs `body` in an IMMEDIATE transaction, mapping database errors to ``SlurmError``.
    func writing<T>(_ body: (Database) throws -> T) throws(SlurmError) -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as SlurmError {
            throw error
        } catch {
            throw .unwritableShard(path: path, reason: "\(error)")
        }
    }

    /// Runs `body` in a read transaction, mapping database errors to ``SlurmError``.
    func reading<T>(_ body: (Database) throws -> T) throws(SlurmError) -> T {
        do {
            return try queue.read(body)
        } catch let error as SlurmError {
            throw error
        } catch {
            throw .unreadableShard(path: path, reason: "\(error)")
        }
    }
}

/// Which task wrote a shard.
public struct ShardOrigin: Sendable, Equatable {
    /// The sweep's name.
    public var sweepName: String
    /// The manifest the task worked from.
    public var manifestPath: String
    /// The manifest index it trained.
    public var manifestIndex: Int
    /// Slurm job id of its array.
    public var job: Int
    /// Its task id within the array.
    public var task: Int
    /// Host it ran on.
    public var host: String

    /// An origin; see the properties.
    public init(sweepName: String, manifestPath: String, manifestIndex: Int, job: Int, task: Int, host: String) {
        self.sweepName = sweepName
        self.manifestPath = manifestPath
        self.manifestIndex = manifestIndex
        self.job = job
        self.task = task
        self.host = host
    }
}
