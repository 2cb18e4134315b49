import Foundation

/// The frozen work list of one Slurm submission: which trajectories each array index trains.
///
/// Written beside the database when a sweep is submitted and never changed afterwards, so every
/// array task (including a requeued one, days later) sees exactly what was submitted, whatever
/// happened to the spec file meanwhile. Array index `i` trains `tasks[i]` in order, each from its
/// configuration in `trajectories`, measuring it at that trajectory's `epochs`: in a manifest these
/// are the epochs still to measure when it was submitted (epochs measured before are left out).
public struct SlurmManifest: Sendable, Equatable, Codable {
    /// The manifest format this version of hashsweep writes and reads.
    public static let currentFormatVersion = 1

    /// Format of this manifest (see ``currentFormatVersion``).
    public var formatVersion: Int
    /// The sweep's name (from its spec).
    public var sweepName: String
    /// Absolute path of the sweep database the shards are collected into.
    public var databasePath: String
    /// Absolute path of the folder the array tasks write their shards into.
    public var shardDirectory: String
    /// Every trajectory the tasks train, with its configuration and the epochs still to measure.
    public var trajectories: [Trajectory]
    /// Array index to the ids of the trajectories it trains, in order.
    public var tasks: [[String]]
    /// Absolute path of a shard-format database holding checkpoints to resume from, if any.
    ///
    /// Written at submission from the sweep database and earlier shards; a trajectory with a
    /// checkpoint there continues from it instead of from initialisation.
    public var resumeDatabasePath: String?

    /// A manifest; every id in `tasks` must be among `trajectories`.
    public init(sweepName: String, databasePath: String, shardDirectory: String,
                trajectories: [Trajectory], tasks: [[String]], resumeDatabasePath: String? = nil) {
        self.formatVersion = Self.currentFormatVersion
        self.sweepName = sweepName
        self.databasePath = databasePath
        self.shardDirectory = shardDirectory
        self.trajectories = trajectories
        self.tasks = tasks
        self.resumeDatabasePath = resumeDatabasePath
    }

    /// Splits `ids` into consecutive chunks of at most `perTask` ids, in order (the last may be shorter).
    public static func chunk(_ ids: [String], perTask: Int) -> [[String]] {
        precondition(perTask >= 1, "SlurmManifest.chunk: perTask must be at least 1")
        return stride(from: 0, to: ids.count, by: perTask).map { start in
            Array(ids[start..<min(start + perTask, ids.count)])
        }
    }

    /// A manifest assigning `trajectories` in order, `perTask` to an array index.
    public static func assigning(_ trajectories: [Trajectory], perTask: Int, sweepName: String, databasePath: String,
                                 shardDirectory: String, resumeDatabasePath: String? = nil) -> SlurmManifest {
        SlurmManifest(sweepName: sweepName, databasePath: databasePath, shardDirectory: shardDirectory,
                      trajectories: trajectories, tasks: chunk(trajectories.map(\.id), perTask: perTask),
                      resumeDatabasePath: resumeDatabasePath)
    }

    /// The trajectories array index `index` trains, in order; throws if the index or an id is unknown.
    public func trajectories(forIndex index: Int, manifestPath: String) throws(SlurmError) -> [Trajectory] {
        guard tasks.indices.contains(index) else {
            throw .indexOutOfRange(path: manifestPath, index: index, taskCount: tasks.count)
        }
        let byId = Dictionary(trajectories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try tasks[index].map { id throws(SlurmError) in
            guard let trajectory = byId[id] else { throw .unknownTrajectory(path: manifestPath, id: id) }
            return trajectory
        }
    }

    /// Writes the manifest as pretty, key-sorted JSON (atomically).
    public func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: url, options: .atomic)
    }

    /// Reads a manifest written by ``write(to:)``.
    public static func read(from url: URL) throws(SlurmError) -> SlurmManifest {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadableManifest(path: url.path, reason: error.localizedDescription)
        }
        struct Header: Decodable { var formatVersion: Int }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            throw .unreadableManifest(path: url.path, reason: "it is not a hashsweep manifest (no formatVersion)")
        }
        guard header.formatVersion == currentFormatVersion else {
            throw .unsupportedManifestVersion(path: url.path, found: header.formatVersion, supported: currentFormatVersion)
        }
        do {
            return try JSONDecoder().decode(SlurmManifest.self, from: data)
        } catch {
            throw .unreadableManifest(path: url.path, reason: String(describing: error))
        }
    }
}
