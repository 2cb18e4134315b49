import ArgumentParser
import Foundation
import Sweep

/// What `run` and `measure` share: record the spec, bring the store in line with it, keep
/// workers busy, and report the outcome.
struct SweepExecution {
    let spec: String
    let database: String?
    let jobs: Int?
    /// Adopt a sweep owned by another spec file with the same `name` (`--replace`).
    let replace: Bool
    /// Only re-measure from kept checkpoints (`measure`).
    let measureOnly: Bool

    func run(command: String) throws {
        let target = try SweepTarget(argument: spec, database: database)
        guard let parsed = target.spec else {
            throw ValidationError("\(spec) is a database; `\(command)` needs the spec file (YAML).")
        }
        let existing = FileManager.default.fileExists(atPath: target.databasePath)
            ? try? SweepStore.open(path: target.databasePath) : nil
        if !measureOnly {
            // Data is needed only for work left to do: a finished sweep reruns without it.
            try DatasetAvailability.check(try existing?.unfinished(parsed.trajectories) ?? Array(parsed.trajectories))
        }
        let store = try SweepStore.openOrCreate(path: target.databasePath, leaseDuration: Double(parsed.execution.leaseSeconds))
        let sync = try store.synchronize(with: SweepDefinition(spec: parsed, toolVersion: HashSweepVersion.string,
                                                               gitCommit: GitRevision.describing(path: spec)),
                                         replacingOwner: replace)
        print("\(parsed.name): \(sync.total) trajectories (\(sync.added) new, \(sync.extended) extended, "
              + "\(sync.remeasuredFromCheckpoints + sync.remeasuredByTraining) to re-measure, "
              + "\(sync.retired) retired) in \(target.databasePath)")
        if measureOnly && sync.remeasuredFromCheckpoints > 0 {
            try DatasetAvailability.check(try store.unfinished(parsed.trajectories))
        }
        let workers = jobs ?? parsed.execution.workers ?? ProcessInfo.processInfo.activeProcessorCount
        var options = OrchestratorOptions(databasePath: target.databasePath, workers: workers,
                                          executable: try ExecutableLocator.currentExecutable())
        options.leaseDuration = Double(parsed.execution.leaseSeconds)
        options.toolVersion = HashSweepVersion.string
        options.measureOnly = measureOnly
        let result = try Orchestrator(store: store, options: options, display: ProgressDisplay()).run()
        let summary = result.summary
        print("\(summary.done)/\(summary.total) trajectories done, \(summary.counts[.failed, default: 0]) failed, "
              + "\(summary.doneMeasurements)/\(summary.requestedMeasurements) measurements, "
              + "wall time \(ProgressDisplay.duration(result.wallSeconds)).")
        for failure in summary.failures {
            print("failed \(failure.id): \(failure.lastError ?? "no error recorded")")
        }
        if result.interrupted {
            print("Interrupted. Resume with: hashsweep \(command) \(SweepTarget.resumeArguments(spec: spec, database: database))")
            throw ExitCode(130)
        }
        if !summary.failures.isEmpty {
            print("Some trajectories failed; after fixing the cause: hashsweep retry \(spec) --failed")
            throw ExitCode.failure
        }
        let left = summary.counts[.pending, default: 0]
        if measureOnly && left > 0 {
            print("\(left) trajectories still need training (new epochs, or re-measurements whose checkpoints are not kept): "
                  + "hashsweep run \(SweepTarget.resumeArguments(spec: spec, database: database))")
        }
    }
}
