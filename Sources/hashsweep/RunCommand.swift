import ArgumentParser
import Foundation
import Sweep

/// `hashsweep run SPEC`: record the spec, then train and measure every pending trajectory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a sweep with parallel worker processes; rerun the same command to resume.",
        discussion: """
            Validates the spec and checks that the files of every dataset with work left to do are present \
            and readable (nothing on disk changes if either fails; a missing dataset's error gives the \
            `hashsweep data fetch` command), records the spec in the sweep database, \
            adds new trajectories, continues those whose epoch list grew from their checkpoint, re-measures \
            those measured with other metric settings (from the checkpoints of their measured epochs where \
            they are kept, else by training again), retires those no longer in the spec, and keeps N workers \
            busy until every trajectory is done or failed. Ctrl-C stops the workers cleanly (a second Ctrl-C \
            kills them); run again to resume. A sweep belongs to the spec file that first ran it: another \
            file with the same `name` is refused unless --replace.
            """
    )

    @Argument(help: "The spec file (YAML).")
    var spec: String

    @Option(name: [.customShort("j"), .long], help: "Worker processes (default: the spec's execution.workers, else the number of cores).")
    var jobs: Int?

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Flag(help: "Adopt the sweep of another spec file with the same `name` (its trajectories not in this spec are retired).")
    var replace = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        try SweepExecution(spec: spec, database: db, jobs: jobs, replace: replace, measureOnly: false).run(command: "run")
    }
}
