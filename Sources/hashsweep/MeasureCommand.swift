import ArgumentParser
import Foundation
import Sweep

/// `hashsweep measure SPEC`: compute new or changed metrics from kept checkpoints, without training.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Re-measure a sweep's measured epochs with its current metric settings, from kept checkpoints, without training.",
        discussion: """
            After a change to the spec's `metrics` section (a setting such as knn_k, or a new step), or a new \
            version of a metric's algorithm, records the spec like `run` and re-measures, with N worker \
            processes, only the steps whose settings changed, at every measured epoch whose checkpoint the \
            store keeps (execution.checkpoints: measured, the default where the size allows; `plan` says \
            which). The numbers equal those of a fresh run with the new settings. Work that needs training \
            (new epochs or trajectories, epochs without a kept checkpoint) is left for `hashsweep run`.
            """
    )

    @Argument(help: "The spec file (YAML).")
    var spec: String

    @Option(name: [.customShort("j"), .long], help: "Worker processes (default: the spec's execution.workers, else the number of cores).")
    var jobs: Int?

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Flag(help: "Adopt the sweep of another spec file with the same `name`.")
    var replace = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        try SweepExecution(spec: spec, database: db, jobs: jobs, replace: replace, measureOnly: true).run(command: "measure")
    }
}
