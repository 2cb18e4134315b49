import ArgumentParser
import Foundation
import Sweep

/// `hashsweep plan SPEC`: what a sweep will cost, before (or while) running it.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Count a spec's trajectories and measurements, what is already done, the compute left and a time estimate.",
        discussion: """
            Changes nothing. The time estimate divides the compute left by the throughput (FLOPs per \
            second per worker) of the measurements already stored, so it appears once a sweep has run a while.
            """
    )

    @Argument(help: "The spec file (YAML).")
    var spec: String

    @Option(help: "The sweep database (default: results/<name>/sweep.sqlite).")
    var db: String?

    @Option(name: [.customShort("j"), .long], help: "Workers assumed for the time estimate (default: the spec's, else the number of cores).")
    var jobs: Int?

    @Option(help: "How many points to show.")
    var sample: Int = 6

    func run() throws {
        let target = try SweepTarget(argument: spec, database: db)
        guard let parsed = target.spec else { throw ValidationError("\(spec) is a database; `plan` needs the spec file (YAML).") }
        let trajectories = parsed.trajectories
        let requested = trajectories.reduce(0) { $0 + $1.epochs.count }
        var measured: [String: [MeasurementRecord]] = [:]
        if FileManager.default.fileExists(atPath: target.databasePath) {
            for record in try SweepStore.open(path: target.databasePath).measurements(includingRetired: true) {
                measured[record.trajectoryID, default: []].append(record)
            }
        }
        var left = ComputeEstimate(trainingFLOPs: 0, measurementFLOPs: 0)
        var doneMeasurements = 0, doneTrajectories = 0
        for trajectory in trajectories {
            let epochs = Set((measured[trajectory.id] ?? []).map(\.epoch))
            let done = trajectory.epochs.filter(epochs.contains)
            doneMeasurements += done.count
            if done.count == trajectory.epochs.count { doneTrajectories += 1 }
            let resumable = trajectory.epochs.prefix { epochs.contains($0) }.last
            left = left + ComputeEstimate(configuration: trajectory.configuration, epochs: trajectory.epochs, after: resumable)
        }
        let total = ComputeEstimate(trajectories: trajectories)
        print("\(parsed.name): \(trajectories.count) trajectories, \(requested) measurements (\(target.databasePath))")
        print("done: \(doneTrajectories) trajectories, \(doneMeasurements) measurements")
        print(String(format: "compute: %.2e FLOPs in all (training %.2e, measuring %.2e); %.2e left",
                     total.totalFLOPs, total.trainingFLOPs, total.measurementFLOPs, left.totalFLOPs))
        let workers = jobs ?? parsed.execution.workers ?? ProcessInfo.processInfo.activeProcessorCount
        if let throughput = Self.throughput(trajectories, measured) {
            let seconds = left.totalFLOPs / throughput / Double(workers)
            print("time left: about \(ProgressDisplay.duration(seconds)) at \(workers) workers "
                  + String(format: "(%.2e FLOPs/s per worker measured so far)", throughput))
        } else {
            print("time left: unknown until some measurements are stored (run the sweep a while, then plan again)")
        }
        let step = max(1, trajectories.count / max(1, sample))
        for trajectory in stride(from: 0, to: trajectories.count, by: step).prefix(sample).map({ trajectories[$0] }) {
            let point = trajectory.axes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("  \(trajectory.id.prefix(16))  \(point)  epochs \(trajectory.epochs.map(String.init).joined(separator: ","))")
        }
    }

    /// FLOPs per second per worker over the stored measurements of `trajectories`, if any took measurable time.
    private static func throughput(_ trajectories: [Trajectory], _ measured: [String: [MeasurementRecord]]) -> Double? {
        var flops = 0.0, seconds = 0.0
        for trajectory in trajectories {
            guard let records = measured[trajectory.id], !records.isEmpty else { continue }
            let epochs = records.map(\.epoch).sorted()
            flops += ComputeEstimate(configuration: trajectory.configuration, epochs: epochs, after: nil).totalFLOPs
            seconds += records.reduce(0) { $0 + $1.trainSeconds + $1.measureSeconds }
        }
        return seconds > 0 ? flops / seconds : nil
    }
}
