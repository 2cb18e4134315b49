import Foundation

/// What one `hashsweep slurm submit` (or `resubmit`) wrote and submitted, kept as
/// `submission.json` in its folder beside the manifest and scripts.
public struct SlurmSubmission: Sendable, Equatable, Codable {
    /// One array part: its manifest range, script and (once submitted) job id.
    public struct Part: Sendable, Equatable, Codable {
        /// The manifest indices it covers.
        public var range: SlurmArrayPart
        /// Absolute path of its sbatch script.
        public var script: String
        /// Slurm's job id, or `nil` for a dry run.
        public var jobID: Int?
    }

    /// The submission's number (its folder is `submission-NNN`).
    public var number: Int
    /// When it was written (Unix seconds).
    public var createdAt: Double
    /// Absolute path of the manifest.
    public var manifest: String
    /// The parts, in manifest order.
    public var parts: [Part]
    /// Whether it was only written (`--dry-run`), not submitted.
    public var dryRun: Bool
    /// What each task asked for (a resubmission asks for the same unless told otherwise).
    public var resources: SlurmResources
    /// Trajectories per array task.
    public var trajectoriesPerTask: Int

    /// The file name inside the submission's folder.
    public static let fileName = "submission.json"

    /// Writes the record as pretty, key-sorted JSON (atomically) into `directory`.
    public func write(into directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(self).write(to: directory.appendingPathComponent(Self.fileName), options: .atomic)
    }

    /// Reads the record in `directory`, or `nil` if there is none (an interrupted submission).
    public static func read(from directory: URL) throws -> SlurmSubmission? {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONDecoder().decode(SlurmSubmission.self, from: Data(contentsOf: url))
    }

    /// The manifest index that task `task` of job `job` trains, if the job is one of this submission's.
    public func manifestIndex(job: Int, task: Int) -> Int? {
        guard let part = parts.first(where: { $0.jobID == job }), task < part.range.count else { return nil }
        return part.range.offset + task
    }

    /// The job ids of the submitted parts.
    public var jobIDs: [Int] { parts.compactMap(\.jobID) }
}
