import Foundation
import GRDB

/// A sweep's SQLite database: its spec, trajectories, measurements,
/// checkpoints, attempts and events.
///
/// One file is shared by the orchestrator and all of its worker processes:
/// a WAL ``GRDB/DatabasePool`` with a generous busy timeout, every write an
/// IMMEDIATE transaction, so concurrent processes queue instead of failing
/// with `SQLITE_BUSY`. Never put the file on a network filesystem.
///
/// ```swift
/// let store = try SweepStore.open(path: "results/demo/sweep.sqlite")
/// for row in try store.measurements() { print(row.axes, row.epoch, row.metrics) }
/// ```
public final class SweepStore: Sendable {
    /// The database file.
    public let path: String
    /// How long a claim lasts without a heartbeat before another process may take it over.
    public let leaseDuration: TimeInterval
    /// A WAL pool for stores opened to write; a read-only queue from ``openReadOnly(path:)``.
    let database: any DatabaseWriter

    /// How long a write waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 600
    /// Page size of new database files, in bytes.
    static let pageSize = 16384

    private init(path: String, database: any DatabaseWriter, leaseDuration: TimeInterval) {
        self.path = path
        self.database = database
        self.leaseDuration = leaseDuration
    }

    /// Opens an existing sweep database, created by ``openOrCreate(path:leaseDuration:)``.
    ///
    /// Throws ``StoreError/missingDatabase(path:)`` if there is no file, and
    /// ``StoreError/outdatedSchema(path:missingMigrations:)`` if it needs migrating.
    public static func open(path: String, leaseDuration: TimeInterval = 30) throws -> SweepStore {
        try checkWritable(path: path, mustExist: true)
        let store = try SweepStore(path: path, database: makePool(path: path), leaseDuration: leaseDuration)
        try store.checkSchema()
        return store
    }

    /// Opens an existing sweep database for reading only: it never writes to the file or
    /// its folder, so an archived or shared sweep the user may not write can be read.
    ///
    /// Commands that only read (`status`, `plan`, `chart`, `export`, `codes`) use it. Where
    /// SQLite cannot create the WAL's shared-memory file beside the database (a read-only
    /// folder), it opens the file as immutable, which is right for a sweep nobody is running.
    public static func openReadOnly(path: String) throws -> SweepStore {
        _ = try requireFile(path: path, mustExist: true)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            return try openReadOnly(path: path, sqlitePath: path)
        } catch StoreError.database where !FileManager.default.isWritableFile(atPath: folder) {
            var immutable = URLComponents()
            immutable.scheme = "file"
            immutable.path = URL(fileURLWithPath: path).standardizedFileURL.path
            immutable.queryItems = [URLQueryItem(name: "immutable", value: "1")]
            return try openReadOnly(path: path, sqlitePath: immutable.string ?? path)
        }
    }

    private static func openReadOnly(path: String, sqlitePath: String) throws -> SweepStore {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "sweep (read-only)"
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: sqlitePath, configuration: configuration)
        } catch {
            throw StoreError.database(path: path, underlying: error)
        }
        let store = SweepStore(path: path, database: queue, leaseDuration: 30)
        try store.checkSchema()
        return store
    }

    /// Opens the sweep database at `path`, creating it (and its folder) if needed
    /// and applying any pending migration.
    ///
    /// Run it in one process (the orchestrator) before starting workers:
    /// migrations are not meant to race between processes.
    public static func openOrCreate(path: String, leaseDuration: TimeInterval = 30) throws -> SweepStore {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateFolder(path: folder, reason: error.localizedDescription)
            }
        }
        try checkWritable(path: path, mustExist: false)
        let pool = try makePool(path: path)
        let store = SweepStore(path: path, database: pool, leaseDuration: leaseDuration)
        try store.wrapping {
            let migrator = StoreSchema.migrator
            let unknown = try pool.read { db in try migrator.appliedIdentifiers(db).subtracting(migrator.migrations) }
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
            try migrator.migrate(pool)
        }
        return store
    }

    /// Whether there is a database file at `path`; throws the store's own error for a folder,
    /// or for a missing file when it `mustExist`.
    private static func requireFile(path: String, mustExist: Bool) throws -> Bool {
        var isFolder: ObjCBool = false
        let found = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if mustExist, !found { throw StoreError.missingDatabase(path: path) }
        if isFolder.boolValue { throw StoreError.folderGiven(path: path) }
        return found
    }

    /// ``requireFile(path:mustExist:)``, then ``StoreError/readOnly(path:)`` where the file or
    /// its folder (which holds the write-ahead log) may not be written.
    private static func checkWritable(path: String, mustExist: Bool) throws {
        let found = try requireFile(path: path, mustExist: mustExist)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let fileManager = FileManager.default
        if (found && !fileManager.isWritableFile(atPath: path))
            || (fileManager.fileExists(atPath: folder) && !fileManager.isWritableFile(atPath: folder)) {
            throw StoreError.readOnly(path: path)
        }
    }

    private static func makePool(path: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "sweep"
        configuration.prepareDatabase { db in
            // 16 KB pages for new files (ignored for existing ones): checkpoint blobs take a
            // quarter of the overflow pages, which made a 6.5 MB checkpoint write 2.5x and a
            // 60 KB one 4x cheaper than with 4 KB pages, for +0.04 ms per small transaction.
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            // WAL with synchronous=NORMAL survives any process crash (not a power cut) and
            // keeps commits cheap; the sweep can always resume from the previous checkpoint.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Checkpoint blobs fill the WAL quickly: copy it back (with an fsync) every 64 MB
            // rather than every 1,000 pages.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(64 << 20 / pageSize)")
        }
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.database(path: path, underlying: error)
        }
    }

    private func checkSchema() throws {
        let migrator = StoreSchema.migrator
        try wrapping {
            let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
            let missing = migrator.migrations.filter { !applied.contains($0) }
            if !missing.isEmpty { throw StoreError.outdatedSchema(path: path, missingMigrations: missing) }
        }
    }

    /// Runs `body` in an IMMEDIATE write transaction (committed unless it throws).
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try wrapping {
            try database.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }

    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try wrapping { try database.read(body) }
    }

    /// Rethrows SQLite errors as ``StoreError/database(path:underlying:)``.
    private func wrapping<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(path: path, underlying: error)
        }
    }

    /// The current time as stored in the database (Unix seconds).
    static func now() -> Double { Date().timeIntervalSince1970 }
}
