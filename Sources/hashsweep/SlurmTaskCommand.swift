import ArgumentParser
import Foundation
import Sweep

/// `hashsweep slurm task`: what each array task runs (written into the sbatch script).
struct SlurmTaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: "Train one manifest index into its shard (run by the sbatch script of each array task).",
        discussion: """
            The shard is results/<name>/shards/<job>_<task>.sqlite, from SLURM_ARRAY_JOB_ID and \
            SLURM_ARRAY_TASK_ID (or --job and --task). SIGUSR1 (sent before the time limit) checkpoints and \
            requeues the task; SIGTERM or SIGINT checkpoints and exits; a second signal exits at once. \
            Exit status: 0 done, 2 some trajectories failed, 3 stopped after checkpointing.
            """
    )

    @Option(help: "The frozen manifest of the submission.")
    var manifest: String

    @Option(help: "The manifest index to train.")
    var index: Int

    @Option(help: "The array's job id (default: $SLURM_ARRAY_JOB_ID).")
    var job: Int?

    @Option(help: "The task id within the array (default: $SLURM_ARRAY_TASK_ID).")
    var task: Int?

    func validate() throws {
        guard index >= 0 else { throw ValidationError("--index must be at least 0 (got \(index)).") }
        guard resolvedJob != nil, resolvedTask != nil else {
            throw ValidationError("The shard needs a job and task id: run inside a Slurm array task, or pass --job and --task.")
        }
    }

    private var environment: [String: String] { ProcessInfo.processInfo.environment }
    private var resolvedJob: Int? { job ?? environment["SLURM_ARRAY_JOB_ID"].flatMap { Int($0) } }
    private var resolvedTask: Int? { task ?? environment["SLURM_ARRAY_TASK_ID"].flatMap { Int($0) } }

    func run() throws {
        let shard = ShardName(job: resolvedJob!, task: resolvedTask!)
        let stop = SlurmStopRequest()
        stop.installSignalHandlers()
        let log: (String) -> Void = { line in
            FileHandle.standardError.write(Data("hashsweep slurm task \(shard) (index \(index)): \(line)\n".utf8))
        }
        let outcome = try SlurmTask(manifestPath: manifest, index: index, shard: shard).run(stop: stop, log: log)
        switch outcome.stoppedBy {
        case .requeue:
            do {
                try SlurmClient().requeue(job: shard.job, task: shard.task)
                log("near the time limit: checkpointed and requeued")
            } catch {
                log("checkpointed, but requeueing failed (\(error)); hashsweep slurm resubmit --missing continues it")
            }
        case .exit(let signal):
            log("stopped by signal \(signal) after checkpointing; a requeue or hashsweep slurm resubmit --missing continues it")
        case nil:
            log("\(outcome.done) trajectories done, \(outcome.failed) failed; shard \(outcome.shardPath)")
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
