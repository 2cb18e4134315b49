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
            adds new trajectories, continues those whose epoch list grew from their checkpoint, retires \
            those no longer in the spec, and keeps N workers busy until every trajectory is done or \
            failed. Ctrl-C stops the workers cleanly (a second Ctrl-C kills them); run again to resume.
            """
    )

    @Argument(help: "The spec file (YAML).")
    var spec: String

    @Option(name: [.customShort("j"), .long], help: "Worker processes (default: the spec's execution.workers, else the number of cores).")
    var jobs: Int?

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1 (got \(jobs)).") }
    }

    func run() throws {
        let target = try SweepTarget(argument: spec, database: db)
        guard let parsed = target.spec else {
            throw ValidationError("\(spec) is a database; `run` needs the spec file (YAML).")
        }
        // Data is needed only for work left to do: a finished sweep reruns without it.
        let existing = FileManager.default.fileExists(atPath: target.databasePath)
            ? try? SweepStore.open(path: target.databasePath) : nil
        try DatasetAvailability.check(try existing?.unfinished(parsed.trajectories) ?? parsed.trajectories)
        let store = try SweepStore.openOrCreate(path: target.databasePath, leaseDuration: Double(parsed.execution.leaseSeconds))
        let sync = try store.synchronize(with: SweepDefinition(spec: parsed, toolVersion: HashSweepVersion.string,
                                                                   gitCommit: GitRevision.describing(path: spec)))
        print("\(parsed.name): \(sync.total) trajectories (\(sync.added) new, \(sync.extended) extended, "
              + "\(sync.retired) retired) in \(target.databasePath)")
        let workers = jobs ?? parsed.execution.workers ?? ProcessInfo.processInfo.activeProcessorCount
        var options = OrchestratorOptions(databasePath: target.databasePath, workers: workers,
                                          executable: try ExecutableLocator.currentExecutable())
        options.leaseDuration = Double(parsed.execution.leaseSeconds)
        let result = try Orchestrator(store: store, options: options, display: ProgressDisplay()).run()
        let summary = result.summary
        print("\(summary.done)/\(summary.total) trajectories done, \(summary.counts[.failed, default: 0]) failed, "
              + "\(summary.doneMeasurements)/\(summary.requestedMeasurements) measurements, "
              + "wall time \(ProgressDisplay.duration(result.wallSeconds)).")
        for failure in summary.failures {
            print("failed \(failure.id): \(failure.lastError ?? "no error recorded")")
        }
        if result.interrupted {
            print("Interrupted. Resume with: \(SweepTarget.resumeCommand(spec: spec, database: db))")
            throw ExitCode(130)
        }
        if !summary.failures.isEmpty {
            print("Some trajectories failed; after fixing the cause: hashsweep retry \(spec) --failed")
            throw ExitCode.failure
        }
    }
}
