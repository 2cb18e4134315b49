import Foundation

/// Where a sweep's database lives, and how to tell a database from a spec.
public enum SweepLocation {
    /// `results/<name>/sweep.sqlite`, relative to the working directory.
    public static func defaultDatabasePath(sweepName: String) -> String {
        "results/\(sweepName)/sweep.sqlite"
    }

    /// Whether `path` is, by its extension (`.sqlite`, `.sqlite3`, `.db`), meant as a sweep
    /// database, so that a missing one is reported as a missing database, not a spec.
    public static func namesDatabase(path: String) -> Bool {
        ["sqlite", "sqlite3", "db"].contains((path as NSString).pathExtension.lowercased())
    }

    /// Whether the file at `path` is an SQLite database (by its 16-byte header).
    public static func isDatabase(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\0".utf8)
    }
}
