import ArgumentParser
import Foundation
import Sweep

/// `hashsweep slurm`: run a sweep as Slurm job arrays, then merge the results.
struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Run a sweep as Slurm job arrays: submit, collect the shards, check, resubmit what is missing.",
        discussion: """
            Each array task trains its share of the trajectories into its own shard database \
            (results/<name>/shards/<job>_<task>.sqlite); nothing on the cluster writes the sweep database. \
            `collect` merges the shards into it. docs/slurm.md describes the workflow.
            """,
        subcommands: [SlurmSubmitCommand.self, SlurmTaskCommand.self, SlurmCollectCommand.self,
                      SlurmStatusCommand.self, SlurmResubmitCommand.self]
    )
}

/// The `SPEC|DB [--db PATH]` arguments of the slurm commands that work on an existing sweep database.
struct SlurmSweepArguments: ParsableArguments {
    @Argument(help: "The spec file (YAML) or the sweep database.")
    var target: String

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    /// Opens the sweep database the arguments name.
    func openStore() throws -> SweepStore {
        try SweepStore.open(path: SweepTarget(argument: target, database: db).databasePath)
    }
}
