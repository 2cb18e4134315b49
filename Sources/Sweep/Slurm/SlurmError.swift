import Foundation

/// Everything that can go wrong when submitting to Slurm, running an array task or collecting shards.
public enum SlurmError: Error, CustomStringConvertible, Equatable {
    /// A Slurm client program (`sbatch`, `squeue`, `scontrol`, ...) is not on the PATH.
    case commandNotFound(String)
    /// A Slurm client program exited with a non-zero status.
    case commandFailed(command: String, status: Int32, output: String)
    /// `sbatch --parsable` printed something that is not a job id.
    case unexpectedSubmitOutput(String)
    /// Job arrays are disabled on the cluster (MaxArraySize is 0).
    case arraysDisabled
    /// An option value is out of range or malformed.
    case invalidOption(name: String, value: String, allowed: String)
    /// The manifest file cannot be read or decoded.
    case unreadableManifest(path: String, reason: String)
    /// The manifest was written by an incompatible version of hashsweep.
    case unsupportedManifestVersion(path: String, found: Int, supported: Int)
    /// An array index outside the manifest's tasks.
    case indexOutOfRange(path: String, index: Int, taskCount: Int)
    /// A trajectory named in a task is not in the manifest.
    case unknownTrajectory(path: String, id: String)
    /// A shard file is not a hashsweep shard or cannot be opened.
    case unreadableShard(path: String, reason: String)
    /// A shard file cannot be written.
    case unwritableShard(path: String, reason: String)
    /// A folder beside the database cannot be created.
    case unwritableFolder(path: String, reason: String)
    /// Nothing to submit: every trajectory already has a finished shard.
    case nothingToSubmit(database: String)
    /// No submission was recorded beside the database.
    case noSubmissions(directory: String)

    public var description: String {
        switch self {
        case .commandNotFound(let command):
            "The Slurm command '\(command)' was not found on the PATH. Run hashsweep slurm on a Slurm login node (or start a local cluster with scripts/slurm-local start and set SLURM_CONF as it prints)."
        case .commandFailed(let command, let status, let output):
            "'\(command)' exited with status \(status): \(output.trimmingCharacters(in: .whitespacesAndNewlines))"
        case .unexpectedSubmitOutput(let output):
            "sbatch --parsable printed '\(output.trimmingCharacters(in: .whitespacesAndNewlines))', which is not a job id (expected digits, optionally followed by ';cluster')."
        case .arraysDisabled:
            "Job arrays are disabled on this cluster (MaxArraySize = 0); ask the administrators, or run the sweep with hashsweep run."
        case .invalidOption(let name, let value, let allowed):
            "Invalid value '\(value)' for \(name): \(allowed)."
        case .unreadableManifest(let path, let reason):
            "Cannot read the Slurm manifest \(path): \(reason)."
        case .unsupportedManifestVersion(let path, let found, let supported):
            "The Slurm manifest \(path) has format version \(found); this hashsweep reads version \(supported). Submit again with this version."
        case .indexOutOfRange(let path, let index, let taskCount):
            "Array index \(index) is outside the manifest \(path), which has \(taskCount) tasks (0...\(taskCount - 1))."
        case .unknownTrajectory(let path, let id):
            "The manifest \(path) assigns trajectory \(id), but does not contain its configuration."
        case .unreadableShard(let path, let reason):
            "Cannot read the shard \(path): \(reason)."
        case .unwritableShard(let path, let reason):
            "Cannot write the shard \(path): \(reason). Check that the folder exists, is writable and has free space."
        case .unwritableFolder(let path, let reason):
            "Cannot create the folder \(path): \(reason). hashsweep slurm writes its manifests, scripts and shards beside the database; pass --db to put it somewhere writable."
        case .nothingToSubmit(let database):
            "Nothing to submit: every trajectory of \(database) already has a finished shard (run hashsweep slurm collect)."
        case .noSubmissions(let directory):
            "No Slurm submission was found in \(directory); run hashsweep slurm submit first."
        }
    }
}
