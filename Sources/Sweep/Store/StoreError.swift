import Foundation

/// Everything that can go wrong with a sweep database.
///
/// Each case names the file (or trajectory) involved and what the user can do.
/// SQLite's own errors are wrapped in ``database(path:underlying:)`` so that
/// callers handle one type.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// There is no database at `path` (and the caller asked not to create one).
    case missingDatabase(path: String)
    /// `path` is a folder, where a database file was expected.
    case folderGiven(path: String)
    /// The database (or its folder, which holds its write-ahead log) may not be written.
    case readOnly(path: String)
    /// The folder that should hold the database cannot be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The database was written by a newer hashsweep (unknown migrations).
    case newerSchema(path: String, unknownMigrations: [String])
    /// The database is older than this hashsweep and was opened without migrating.
    case outdatedSchema(path: String, missingMigrations: [String])
    /// The database holds no sweep spec yet.
    case noSweep(path: String)
    /// A trajectory id that is not in the database.
    case unknownTrajectory(id: String)
    /// The worker's lease on a trajectory was taken over (it expired or was reclaimed).
    case leaseLost(trajectory: String, owner: String)
    /// The sweep in the database at `path` belongs to the spec file `owner`; `other` has the same `name`.
    case ownedByAnotherSpec(path: String, owner: String, other: String)
    /// A stored JSON column could not be decoded.
    case corruptColumn(table: String, column: String, row: String, reason: String)
    /// An SQLite error, with the database it happened in.
    case database(path: String, underlying: any Error)

    public var description: String {
        switch self {
        case .missingDatabase(let path):
            "No sweep database at \(path). Start the sweep with `hashsweep run SPEC` (or pass the right file with --db)."
        case .folderGiven(let path):
            "\(path) is a folder, not a sweep database. Pass the database file itself (e.g. "
                + "\((path as NSString).appendingPathComponent("sweep.sqlite"))), or the sweep's spec file."
        case .readOnly(let path):
            "The sweep database \(path) may not be written (the file or its folder is read-only), and this command "
                + "writes to it. `status`, `plan`, `chart --out DIR`, `export --csv --out DIR` and `codes` read it as it is; "
                + "to run or re-measure, copy it somewhere writable and pass the copy with --db."
        case .cannotCreateFolder(let path, let reason):
            "Cannot create the folder \(path) for the sweep database: \(reason). Choose another location with --db."
        case .newerSchema(let path, let unknown):
            "The sweep database \(path) was written by a newer hashsweep (unknown migrations: \(unknown.joined(separator: ", "))). Use that version, or another --db."
        case .outdatedSchema(let path, let missing):
            "The sweep database \(path) needs migrations \(missing.joined(separator: ", ")). Run `hashsweep run` on its spec once to upgrade it."
        case .noSweep(let path):
            "The sweep database \(path) holds no spec yet. Start the sweep with `hashsweep run SPEC`."
        case .unknownTrajectory(let id):
            "No trajectory \(id) in the sweep database."
        case .leaseLost(let trajectory, let owner):
            "Worker \(owner) no longer holds the lease on trajectory \(trajectory) (it expired or was reclaimed); its work on it is abandoned and will be redone from the last checkpoint."
        case .ownedByAnotherSpec(let path, let owner, let other):
            "The sweep database \(path) belongs to the spec \(owner), and \(other) has the same `name`. "
                + "Give \(other) a `name` of its own (its results then go to results/<name>/), "
                + "or run it with --replace to adopt that sweep (its trajectories not in \(other) are retired, kept but left out of charts)."
        case .corruptColumn(let table, let column, let row, let reason):
            "The sweep database has an unreadable value in \(table).\(column) for \(row): \(reason)."
        case .database(let path, let underlying):
            "SQLite error in \(path): \(underlying)"
        }
    }
}
