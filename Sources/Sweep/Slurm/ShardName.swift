/// The name of the shard database one array task writes: `<job>_<task>.sqlite`.
///
/// `job` is the array's job id (`SLURM_ARRAY_JOB_ID`) and `task` the task id within it
/// (`SLURM_ARRAY_TASK_ID`), so every task of every submission (each part of a split array has its
/// own job id) writes its own file, and a requeued task finds its earlier, unfinished file again.
/// While the task works, the file is named ``partialFileName``; it is renamed to ``fileName``
/// only when every trajectory of the task is finished.
public struct ShardName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Suffix of finished shards.
    public static let finishedSuffix = ".sqlite"
    /// Suffix of shards still being written (or left by a cancelled task).
    public static let partialSuffix = ".sqlite.partial"

    /// The array's job id.
    public var job: Int
    /// The task id within the array.
    public var task: Int

    /// A shard name.
    public init(job: Int, task: Int) {
        precondition(job >= 0 && task >= 0, "ShardName: job and task ids are non-negative")
        self.job = job
        self.task = task
    }

    /// `<job>_<task>.sqlite`.
    public var fileName: String { "\(job)_\(task)\(Self.finishedSuffix)" }
    /// `<job>_<task>.sqlite.partial`.
    public var partialFileName: String { "\(job)_\(task)\(Self.partialSuffix)" }

    /// Parses a shard file name, finished or partial; `nil` for any other file.
    public init?(fileName: String) {
        let stem: Substring
        if fileName.hasSuffix(Self.partialSuffix) {
            stem = fileName.dropLast(Self.partialSuffix.count)
        } else if fileName.hasSuffix(Self.finishedSuffix) {
            stem = fileName.dropLast(Self.finishedSuffix.count)
        } else {
            return nil
        }
        let parts = stem.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let job = Int(parts[0]), let task = Int(parts[1]) else { return nil }
        self.init(job: job, task: task)
    }

    /// Whether `fileName` names a partial shard.
    public static func isPartial(_ fileName: String) -> Bool { fileName.hasSuffix(partialSuffix) }

    public var description: String { "\(job)_\(task)" }

    public static func < (lhs: ShardName, rhs: ShardName) -> Bool {
        (lhs.job, lhs.task) < (rhs.job, rhs.task)
    }
}
