import Foundation

/// Where the Slurm files of a sweep live, all beside its database.
///
/// For `results/NAME/sweep.sqlite`: shards in `results/NAME/shards/`, submissions (manifest,
/// sbatch scripts, job ids) in `results/NAME/slurm/submission-NNN/`, task logs in
/// `results/NAME/slurm/logs/`. Paths are absolute, because array tasks run elsewhere.
public struct SlurmLayout: Sendable, Equatable {
    /// The sweep database.
    public var database: URL

    /// The layout around `database` (made absolute against the current directory).
    public init(database: URL) {
        self.database = database.standardizedFileURL.absoluteURL
    }

    /// The folder holding the database.
    public var resultsDirectory: URL { database.deletingLastPathComponent() }
    /// `results/NAME/shards`.
    public var shardDirectory: URL { resultsDirectory.appendingPathComponent("shards", isDirectory: true) }
    /// `results/NAME/slurm`.
    public var slurmDirectory: URL { resultsDirectory.appendingPathComponent("slurm", isDirectory: true) }
    /// `results/NAME/slurm/logs`, for the tasks' standard output and error.
    public var logDirectory: URL { slurmDirectory.appendingPathComponent("logs", isDirectory: true) }

    /// The folder of submission `number` (`submission-001`, ...).
    public func submissionDirectory(_ number: Int) -> URL {
        slurmDirectory.appendingPathComponent(String(format: "submission-%03d", number), isDirectory: true)
    }

    /// The shard file of `name`, finished or partial.
    public func shard(_ name: ShardName, partial: Bool) -> URL {
        shardDirectory.appendingPathComponent(partial ? name.partialFileName : name.fileName)
    }

    /// Numbers of the submissions made so far, ascending.
    public func submissionNumbers() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: slurmDirectory.path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix("submission-") else { return nil }
            return Int(name.dropFirst("submission-".count))
        }.sorted()
    }

    /// Shard files in the shard folder with their names, finished and partial, sorted by name.
    public func shardFiles() -> [(name: ShardName, url: URL, partial: Bool)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: shardDirectory.path)) ?? []
        return names.compactMap { fileName -> (ShardName, URL, Bool)? in
            guard let name = ShardName(fileName: fileName) else { return nil }
            return (name, shardDirectory.appendingPathComponent(fileName), ShardName.isPartial(fileName))
        }.sorted { ($0.0, $0.2 ? 1 : 0) < ($1.0, $1.2 ? 1 : 0) }
    }
}
