import ArgumentParser
import Foundation
import Sweep

/// `hashsweep status SPEC|DB`: where a sweep stands.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a sweep's trajectories by status, its failures with their last error, retired points and the time left."
    )

    @Argument(help: "The spec file, or the sweep database itself.")
    var target: String

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Option(name: [.customShort("j"), .long], help: "Workers assumed for the time left (default: the spec's, else the number of cores).")
    var jobs: Int?

    @Option(parsing: .unconditional, help: "How many failed and how many retired trajectories to list.")
    var list: Int = StatusSummary.listedFailures

    func validate() throws {
        guard list >= 0 else { throw ValidationError("--list must be 0 or more; found \(list).") }
    }

    func run() throws {
        let resolved = try SweepTarget(argument: target, database: db)
        let store = try SweepStore.openReadOnly(path: resolved.databasePath)
        guard let sweep = try store.currentSweep() else { throw StoreError.noSweep(path: resolved.databasePath) }
        let summary = try store.summary(failuresListed: list)
        print("\(sweep.name) (spec \(sweep.specHash.prefix(12)), \(resolved.databasePath))")
        if let spec = resolved.spec, spec.hash != sweep.specHash {
            print("note: \(target) has changed since the last run; `hashsweep run \(target)` records the new version.")
        }
        let counts = TrajectoryStatus.allCases.map { "\(summary.counts[$0, default: 0]) \($0)" }.joined(separator: ", ")
        print("trajectories: \(summary.total) (\(counts)); retired: \(summary.retired)")
        print("measurements: \(summary.doneMeasurements)/\(summary.requestedMeasurements); "
              + "epochs trained: \(summary.trainedEpochs)/\(summary.requestedEpochs)")
        let logistic = try store.logisticConvergence()
        if logistic.unconverged > 0 {
            print("warning: logistic regression stopped before converging in \(logistic.unconverged) of \(logistic.measured) "
                  + "measurements (logistic_converged = 0 in measurements.csv; cells.csv counts them per cell)")
        }
        if summary.doneMeasurements < summary.requestedMeasurements,
           let estimate = try store.timeEstimate(workers: jobs, calibration: { try CostCalibration.model(toolVersion: HashSweepVersion.string) }) {
            print("time left: \(estimate.description)")
        }
        for record in summary.running {
            print("running \(record.id) \(Self.point(record)) epoch \(record.currentEpoch ?? 0)/\(record.epochs.last ?? 0) "
                  + "by \(record.leaseOwner ?? "?")")
        }
        for record in summary.failures {
            print("failed \(record.id) \(Self.point(record)) after \(record.failures) attempts: \(record.lastError ?? "no error recorded")")
        }
        if summary.unlistedFailures > 0 {
            print("... and \(summary.unlistedFailures) more failed (`--list \(summary.counts[.failed, default: 0])` lists them all; "
                  + "`hashsweep retry` puts them back)")
        }
        let retired = try store.retiredTrajectories(limit: list)
        for record in retired.listed {
            print("retired \(record.id) \(Self.point(record)) (\(record.status), kept, left out of charts)")
        }
        if retired.count > retired.listed.count {
            print("... and \(retired.count - retired.listed.count) more retired (`--list \(retired.count)` lists them all)")
        }
    }

    static func point(_ record: TrajectoryRecord) -> String {
        record.axes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}
