import ArgumentParser
import Foundation
import Sweep

/// `hashsweep slurm resubmit SPEC|DB --missing`: submit what no shard has finished.
struct SlurmResubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resubmit",
        abstract: "Submit again the trajectories that no shard or database has measured yet.",
        discussion: """
            For tasks that were cancelled, timed out, failed or never ran: every trajectory of the recorded \
            spec with epochs not measured in the database nor in any shard (complete or partial), and not held \
            by a queued or running task, is submitted again, continuing from the latest checkpoint found in \
            the database or any shard. Resources default to the previous submission's.
            """
    )

    @Argument(help: "The spec file (YAML) or the sweep database.")
    var target: String

    @Flag(help: "Submit only what is missing (the only mode; required so the intent is explicit).")
    var missing = false

    @OptionGroup var slurm: SlurmSubmitOptions

    @Flag(help: "Write the manifest and scripts without submitting them.")
    var dryRun = false

    func validate() throws {
        guard missing else { throw ValidationError("resubmit needs --missing: it submits only what no shard has measured.") }
    }

    func run() throws {
        let resolved = try SweepTarget(argument: target, database: slurm.db)
        let store = try SweepStore.open(path: resolved.databasePath)
        guard let sweep = try store.currentSweep() else {
            throw ValidationError("\(resolved.databasePath) records no spec yet; run hashsweep slurm submit SPEC first.")
        }
        let layout = SlurmLayout(database: URL(fileURLWithPath: store.path))
        let previous = try SlurmSubmitter.submissions(in: layout).last { !$0.dryRun }
        try slurm.submit(store: store, sweepName: sweep.name, resources: slurm.resources(defaults: previous?.resources ?? SlurmResources()),
                         perTask: slurm.trajectoriesPerTask ?? previous?.trajectoriesPerTask ?? 1, dryRun: dryRun, kind: "resubmit")
    }
}
