import Foundation

/// The batch script of one array part: readable, with the exact hashsweep command each task runs.
///
/// Every setting is an `#SBATCH` line, so the file alone says what was asked for, and
/// `sbatch FILE` submits it again by hand. The task command is `exec`ed so that Slurm's signals
/// (`--signal=B:USR1@S` before the time limit, SIGTERM on cancellation or preemption) reach
/// hashsweep itself, which checkpoints before it exits.
public struct SbatchScript: Sendable, Equatable {
    /// The sweep's name (job name `hashsweep-NAME`).
    public var sweepName: String
    /// The manifest range this script's array covers.
    public var part: SlurmArrayPart
    /// 1-based number of the part, and how many parts the submission has.
    public var partNumber: Int, partCount: Int
    /// What each task asks for.
    public var resources: SlurmResources
    /// Absolute path of the hashsweep executable the tasks run.
    public var executable: String
    /// Absolute path of the frozen manifest.
    public var manifest: String
    /// Folder for the tasks' logs (`%A_%a.out`).
    public var logDirectory: String
    /// Folder the tasks run in: where `submit` ran, so relative dataset paths mean what they meant there.
    public var workingDirectory: String

    /// A script; see the properties.
    public init(sweepName: String, part: SlurmArrayPart, partNumber: Int, partCount: Int, resources: SlurmResources,
                executable: String, manifest: String, logDirectory: String, workingDirectory: String) {
        self.sweepName = sweepName
        self.part = part
        self.partNumber = partNumber
        self.partCount = partCount
        self.resources = resources
        self.executable = executable
        self.manifest = manifest
        self.logDirectory = logDirectory
        self.workingDirectory = workingDirectory
    }

    /// The shell expression of the manifest index a task trains.
    public var indexExpression: String {
        part.offset == 0 ? "\"$SLURM_ARRAY_TASK_ID\"" : "\"$((SLURM_ARRAY_TASK_ID + \(part.offset)))\""
    }

    /// The command line each task runs.
    public var taskCommand: String {
        ([executable, "slurm", "task", "--manifest", manifest].map(Self.shellQuoted) + ["--index", indexExpression])
            .joined(separator: " ")
    }

    /// The script's text.
    public func render() -> String {
        let last = part.offset + part.count - 1
        var lines = [
            "#!/bin/bash",
            "# hashsweep sweep '\(sweepName)': array part \(partNumber) of \(partCount), manifest indices \(part.offset)-\(last).",
            "# Written by `hashsweep slurm submit`. Task t trains the trajectories of manifest index",
            "# \(part.offset == 0 ? "t" : "t + \(part.offset)") into its own shard; `hashsweep slurm collect` merges the shards.",
            "#SBATCH --job-name=\(Self.sbatchValue("hashsweep-\(sweepName)"))",
            "#SBATCH --array=\(part.arraySpecification(parallelism: resources.arrayParallelism))",
            "#SBATCH --output=\(Self.sbatchValue(logDirectory + "/%A_%a.out"))",
            "#SBATCH --open-mode=append",
            "#SBATCH --chdir=\(Self.sbatchValue(workingDirectory))",
            "#SBATCH --cpus-per-task=\(resources.cpusPerTask)",
        ]
        if let time = resources.time { lines.append("#SBATCH --time=\(time)") }
        if let memory = resources.memory { lines.append("#SBATCH --mem=\(memory)") }
        if let partition = resources.partition { lines.append("#SBATCH --partition=\(partition)") }
        lines += [
            "# Before the time limit: SIGUSR1, so the task checkpoints and requeues itself.",
            "#SBATCH --signal=B:USR1@\(resources.checkpointWarningSeconds)",
            "#SBATCH --requeue",
        ]
        if !resources.extraArguments.isEmpty {
            lines.append("# Site options (--sbatch-arg).")
            lines += resources.extraArguments.map { "#SBATCH \($0)" }
        }
        lines += [
            "",
            "# exec: hashsweep receives Slurm's signals itself and checkpoints before exiting.",
            "exec \(taskCommand)",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// `text` quoted for a POSIX shell when it holds anything but plain path characters.
    public static func shellQuoted(_ text: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-=:,+@%")
        if !text.isEmpty, text.unicodeScalars.allSatisfy(plain.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A value for an `#SBATCH` line, double-quoted when it has spaces (sbatch strips the quotes).
    static func sbatchValue(_ text: String) -> String {
        text.contains(where: { $0.isWhitespace }) ? "\"\(text)\"" : text
    }
}
