import ArgumentParser
import Foundation
import Sweep

/// `hashsweep slurm submit SPEC`: record the spec, write the manifest and sbatch scripts, submit.
struct SlurmSubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a sweep's unfinished trajectories as Slurm job arrays.",
        discussion: """
            Records the spec in the sweep database, freezes the work (array index to trajectories) in \
            results/<name>/slurm/submission-NNN/manifest.json, writes one readable sbatch script per array \
            part (arrays longer than the cluster's MaxArraySize are split), submits them with sbatch and \
            records the job ids in submission.json. Trajectories measured anywhere (database or shards) or \
            held by queued tasks are left out. Pass sbatch options with --sbatch-arg (e.g. --sbatch-arg \
            --account=proj).
            """
    )

    @Argument(help: "The spec file (YAML).")
    var spec: String

    @OptionGroup var slurm: SlurmSubmitOptions

    @Flag(help: "Write the manifest and scripts without submitting them.")
    var dryRun = false

    func run() throws {
        let target = try SweepTarget(argument: spec, database: slurm.db)
        guard let parsed = target.spec else {
            throw ValidationError("\(spec) is a database; `slurm submit` needs the spec file (use `slurm resubmit` for a database).")
        }
        let store = try SweepStore.openOrCreate(path: target.databasePath)
        let sync = try store.synchronize(with: SweepDefinition(spec: parsed, toolVersion: HashSweepVersion.string))
        print("\(parsed.name): \(sync.total) trajectories (\(sync.added) new, \(sync.extended) extended, \(sync.retired) retired) in \(target.databasePath)")
        try slurm.submit(store: store, sweepName: parsed.name, resources: slurm.resources(defaults: SlurmResources()),
                         perTask: slurm.trajectoriesPerTask ?? 1, dryRun: dryRun, kind: "submit")
    }
}

/// The sbatch options shared by `slurm submit` and `slurm resubmit`.
struct SlurmSubmitOptions: ParsableArguments {
    @Option(help: "Slurm partition (default: the cluster's default).")
    var partition: String?

    @Option(help: "Time limit per array task, in Slurm's format (e.g. 30, 2:00:00, 1-12:00).")
    var time: String?

    @Option(name: .customLong("cpus-per-task"), help: "CPUs per array task (default 1; hashsweep trains on one thread).")
    var cpusPerTask: Int?

    @Option(help: "Memory per array task (e.g. 2G; default: the cluster's).")
    var mem: String?

    @Option(name: .customLong("array-parallelism"), help: "Most array tasks running at once (sbatch --array=...%K).")
    var arrayParallelism: Int?

    @Option(name: .customLong("trajectories-per-task"), help: "Trajectories each array task trains, one after the other (default 1).")
    var trajectoriesPerTask: Int?

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue,
            help: "A further sbatch option, written as an #SBATCH line (repeatable; e.g. --sbatch-arg --qos=long).")
    var sbatchArgs: [String] = []

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    func validate() throws {
        if let trajectoriesPerTask, trajectoriesPerTask < 1 {
            throw ValidationError("--trajectories-per-task must be at least 1 (got \(trajectoriesPerTask)).")
        }
        do {
            try resources(defaults: SlurmResources()).validate()
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `defaults` with the options given on the command line applied.
    func resources(defaults: SlurmResources) -> SlurmResources {
        var resources = defaults
        if let partition { resources.partition = partition }
        if let time { resources.time = time }
        if let cpusPerTask { resources.cpusPerTask = cpusPerTask }
        if let mem { resources.memory = mem }
        if let arrayParallelism { resources.arrayParallelism = arrayParallelism }
        if !sbatchArgs.isEmpty { resources.extraArguments = sbatchArgs }
        return resources
    }

    /// Plans the remaining work, writes and (unless `dryRun`) submits it, and prints what happened.
    func submit(store: SweepStore, sweepName: String, resources: SlurmResources, perTask: Int, dryRun: Bool, kind: String) throws {
        let client = SlurmClient()
        if !dryRun && !client.isAvailable { throw SlurmError.commandNotFound("sbatch") }
        let submitter = SlurmSubmitter(layout: SlurmLayout(database: URL(fileURLWithPath: store.path)), client: client,
                                       resources: resources, trajectoriesPerTask: perTask,
                                       executable: try ExecutableLocator.currentExecutable())
        let (plan, submitted) = try submitter.submitRemaining(of: store, sweepName: sweepName, dryRun: dryRun, kind: kind)
        if plan.heldByActiveTasks > 0 {
            print("\(plan.heldByActiveTasks) unfinished trajectories are held by queued or running tasks; left out.")
        }
        guard let submission = submitted else {
            print("Nothing to submit: \(plan.complete) trajectories are measured (in the database or in shards)"
                  + (plan.heldByActiveTasks > 0 ? ", the rest are queued or running." : "; hashsweep slurm collect merges the shards."))
            return
        }
        let tasks = submission.parts.reduce(0) { $0 + $1.range.count }
        let resumed = plan.resume.isEmpty ? "" : ", \(plan.resume.count) continuing from checkpoints"
        print("\(plan.work.count) trajectories in \(tasks) array tasks\(resumed); manifest \(submission.manifest)")
        for part in submission.parts {
            let job = part.jobID.map { "job \($0)" } ?? "not submitted"
            print("  \(job): tasks 0-\(part.range.count - 1) (manifest \(part.range.manifestIndices.lowerBound)-\(part.range.manifestIndices.upperBound - 1)), script \(part.script)")
        }
        if dryRun {
            print("Dry run: nothing submitted. Submit a script by hand with sbatch SCRIPT, or run again without --dry-run.")
        } else {
            print("Follow with: hashsweep slurm status \(store.path); when done: hashsweep slurm collect \(store.path)")
        }
    }
}
