import ArgumentParser
import Foundation
import Sweep

/// `hashsweep slurm status SPEC|DB`: the queue, the shards and the database's view.
struct SlurmStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a Slurm sweep's submissions, queued and running tasks, shards and database counts.",
        discussion: "Uses squeue, and sacct where accounting or the job completion log (sacct -c) is available."
    )

    @OptionGroup var sweep: SlurmSweepArguments

    func run() throws {
        let store = try sweep.openStore()
        let report = try SlurmStatusReport.make(store: store, layout: SlurmLayout(database: URL(fileURLWithPath: store.path)),
                                                client: SlurmClient())
        print(report.text)
    }
}
