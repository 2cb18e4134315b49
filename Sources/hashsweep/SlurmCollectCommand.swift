import ArgumentParser
import Foundation
import Sweep

/// `hashsweep slurm collect SPEC|DB`: merge the shards into the sweep database.
struct SlurmCollectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Merge the array tasks' shards into the sweep database (safe to repeat).",
        discussion: """
            Reads every shard, complete or partial, and adds the measurements the database lacks, keyed by \
            trajectory and epoch. A measurement the database already has with the same values is skipped; one \
            with other values is reported as a conflict and the database's value is kept (exit status 1).
            """
    )

    @OptionGroup var sweep: SlurmSweepArguments

    func run() throws {
        let store = try sweep.openStore()
        let report = try SlurmCollector(layout: SlurmLayout(database: URL(fileURLWithPath: store.path))).collect(into: store)
        let total = report.total
        print("Read \(report.finishedShards) complete and \(report.partialShards) partial shards: \(total.added) measurements added, "
              + "\(total.identical) already present, \(total.conflicts.count) conflicting; \(total.completed) trajectories now done.")
        for problem in report.unreadable { print("skipped: \(problem)") }
        if !total.unknownTrajectories.isEmpty {
            print("\(total.unknownTrajectories.count) trajectories in shards are not in this database (another sweep's shards?): "
                  + total.unknownTrajectories.sorted().prefix(5).joined(separator: ", "))
        }
        for conflict in total.conflicts { print("conflict: \(conflict)") }
        let summary = try store.summary()
        print("Database: \(summary.done)/\(summary.total) trajectories done, \(summary.doneMeasurements)/\(summary.requestedMeasurements) measurements.")
        if !total.conflicts.isEmpty { throw ExitCode.failure }
    }
}
