import Foundation

/// What can go wrong running a sweep's processes and trajectories.
public enum ExecutionError: Error, CustomStringConvertible, Sendable {
    /// A worker process could not be started.
    case spawnFailed(String, errno: Int32)
    /// The path of the running executable could not be found.
    case executableNotFound
    /// Workers keep dying before doing any work.
    case workersKeepFailing(count: Int, lastStatus: String, lastOutput: [String])
    /// A trajectory's configuration cannot be trained (unknown name, bad value).
    case invalidConfiguration(trajectory: String, key: String, value: String, allowed: String)
    /// The model family cannot build a network for this data (e.g. a VGG on vector features).
    case unsupportedModel(trajectory: String, reason: String)
    /// A stored checkpoint does not belong to its trajectory or cannot be decoded.
    case unusableCheckpoint(trajectory: String, reason: String)
    /// No checkpoint of `trajectory` is kept at `epoch`; `kept` lists the epochs that have one.
    case noCheckpoint(trajectory: String, epoch: Int, kept: [Int])
    /// An output file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// An input file (e.g. exported codes) could not be read or is not in the expected format.
    case cannotRead(path: String, reason: String)
    /// A dataset the sweep needs has a file missing from every folder searched (found before any work starts).
    case datasetMissing(dataset: String, file: String, searched: [String], fetchCommand: String, trajectories: Int)
    /// A dataset the sweep needs has a file that cannot be opened for reading (found before any work starts).
    case datasetUnreadable(dataset: String, path: String, reason: String, fetchCommand: String, trajectories: Int)

    public var description: String {
        switch self {
        case .spawnFailed(let path, let code):
            "Cannot start the worker process \(path): \(String(cString: strerror(code)))."
        case .executableNotFound:
            "Cannot find the hashsweep executable to start workers from (/proc/self/exe is unreadable)."
        case .workersKeepFailing(let count, let status, let output):
            "\(count) worker processes in a row ended (last: \(status)) without finishing any work; stopping. "
                + "Last output:\n" + output.suffix(10).joined(separator: "\n")
        case .invalidConfiguration(let trajectory, let key, let value, let allowed):
            "Trajectory \(trajectory): \(key) = \(value) cannot be trained; allowed: \(allowed)."
        case .unsupportedModel(let trajectory, let reason):
            "Trajectory \(trajectory) cannot be trained: \(reason)."
        case .unusableCheckpoint(let trajectory, let reason):
            "Trajectory \(trajectory): its stored checkpoint cannot be used (\(reason))."
        case .noCheckpoint(let trajectory, let epoch, let kept):
            "Trajectory \(trajectory) has no checkpoint kept at epoch \(epoch) "
                + (kept.isEmpty ? "(none is kept). " : "(kept: epochs \(kept.map(String.init).joined(separator: ", "))). ")
                + "Choose a kept epoch; a sweep with `execution.checkpoints: measured` keeps one at every epoch it measures."
        case .cannotWrite(let path, let reason):
            "Cannot write \(path): \(reason). Choose another folder with --out."
        case .cannotRead(let path, let reason):
            "Cannot read \(path): \(reason)."
        case .datasetMissing(let dataset, let file, let searched, let fetchCommand, let trajectories):
            "Dataset \(dataset), needed by \(Self.trajectories(trajectories)), is not available: its file '\(file)' (raw or .gz) "
                + "was not found; looked in: \(searched.joined(separator: ", ")). Get it with: \(fetchCommand) "
                + "(or set the spec's dataset.path to the folder that holds it), then run again. "
                + "No worker was started and the sweep database was not changed."
        case .datasetUnreadable(let dataset, let path, let reason, let fetchCommand, let trajectories):
            "Dataset \(dataset), needed by \(Self.trajectories(trajectories)), cannot be read: '\(path)': \(reason). "
                + "Make it readable, or fetch the dataset again with: \(fetchCommand); then run again. "
                + "No worker was started and the sweep database was not changed."
        }
    }

    private static func trajectories(_ count: Int) -> String {
        count == 1 ? "1 trajectory" : "\(count) trajectories"
    }
}
