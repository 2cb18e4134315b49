import ArgumentParser
import Foundation
import Sweep

/// `hashsweep plan SPEC`: what a sweep will cost, before (or while) running it.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Count a spec's trajectories and measurements, what is already done, the compute left and a time estimate.",
        discussion: """
            Changes nothing (a read-only database is fine). Compares the spec with the sweep database and \
            prints, group by group, what `hashsweep run` would do: new trajectories, extended ones (new \
            epochs, continued from their checkpoints), measured epochs to re-measure because a metric \
            setting changed (from kept checkpoints with `hashsweep measure`, or by training again where \
            they are not kept), and retired ones, each with the configuration keys that cause it (e.g. \
            "retired 12: ...; `lr` changed 0.003 -> 0.01"); then which checkpoints the sweep keeps and \
            their size, the compute left and a time estimate.
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
        let existing = FileManager.default.fileExists(atPath: target.databasePath) ? try SweepStore.openReadOnly(path: target.databasePath) : nil
        let stored = try existing?.measurementTimes() ?? [:]
        // One pass over the configurations, made on access; ids only where something is stored.
        let ids = stored.isEmpty ? [] : trajectories.ids
        let epochs = parsed.epochs
        var work = SweepTimeEstimate.Work()
        var doneMeasurements = 0, doneTrajectories = 0, checkpointBytes = 0.0
        for (index, configuration) in trajectories.configurations.enumerated() {
            checkpointBytes += CheckpointSize.bytes(of: configuration) * Double(epochs.count)
            let times = ids.isEmpty ? [] : stored[ids[index]] ?? []
            work.add(configuration, epochs: epochs, stored: times)
            let done = epochs.filter(Set(times.map(\.epoch)).contains)
            doneMeasurements += done.count
            if !done.isEmpty && done.count == epochs.count { doneTrajectories += 1 }
        }
        let requested = trajectories.measurementCount
        print("\(parsed.name): \(trajectories.count) trajectories, \(requested) measurements (\(target.databasePath))")
        print("done: \(doneTrajectories) trajectories, \(doneMeasurements) measurements")
        let plan = try existing.map { try $0.plan(for: trajectories) }
        Self.printGroups(plan, trajectories: trajectories)
        Self.printCheckpoints(parsed, bytes: checkpointBytes)
        if let network = parsed.networkSummary { print("network: \(network)") }
        print(String(format: "compute: %.2e FLOPs in all (training %.2e, measuring %.2e); %.2e left",
                     work.total.totalFLOPs, work.total.trainingFLOPs, work.total.measurementFLOPs, work.left.totalFLOPs))
        let workers = jobs ?? parsed.execution.workers ?? ProcessInfo.processInfo.activeProcessorCount
        if let estimate = try work.estimate(workers: workers, calibration: { try CostCalibration.model(toolVersion: HashSweepVersion.string) }) {
            print("time left: \(estimate.description)")
        }
        let step = max(1, trajectories.count / max(1, sample))
        for trajectory in stride(from: 0, to: trajectories.count, by: step).prefix(sample).map({ trajectories[$0] }) {
            let point = trajectory.axes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("  \(trajectory.id.prefix(16))  \(point)  epochs \(trajectory.epochs.map(String.init).joined(separator: ","))")
        }
    }

    /// What a run would do, group by group, with the keys that cause each group.
    private static func printGroups(_ plan: SweepPlan?, trajectories: TrajectoryList) {
        guard let plan else {
            print("new \(trajectories.count): first run (no database yet)")
            return
        }
        let groups: [(String, SweepPlan.Group, String)] = [
            ("new", plan.new, "to train"),
            ("extended", plan.extended, "new measurements, continued from their checkpoints"),
            ("re-measured from checkpoints", plan.remeasuredFromCheckpoints, "measurements, no training (`hashsweep measure`)"),
            ("re-measured by training again", plan.remeasuredByTraining, "measurements whose checkpoints are not kept"),
        ]
        for (name, group, what) in groups where group.trajectories > 0 {
            print("\(name) \(group.trajectories): \(group.measurements) \(what)" + reasons(group))
        }
        if plan.retired.trajectories > 0 {
            print("retired \(plan.retired.trajectories): kept, left out of charts" + reasons(plan.retired))
        }
        if plan.finished > 0 { print("unchanged \(plan.finished): nothing left to do") }
    }

    private static func reasons(_ group: SweepPlan.Group) -> String {
        guard !group.reasons.isEmpty else { return "" }
        let shown = group.reasons.prefix(4).joined(separator: "; ")
        return "; " + shown + (group.reasons.count > 4 ? "; and \(group.reasons.count - 4) more" : "")
    }

    /// Which checkpoints the sweep keeps and the space they take.
    private static func printCheckpoints(_ spec: SweepSpec, bytes: Double) {
        let size = ByteCountFormatter.string(fromByteCount: Int64(bytes), countStyle: .file)
        let retention = spec.execution.checkpoints
        if retention.keepsMeasuredEpochs(estimatedBytes: bytes) {
            print("checkpoints: every measured epoch's kept (execution.checkpoints: \(retention.rawValue)), about \(size); "
                  + "changed metrics are re-measured without training")
        } else {
            let why = retention == .auto ? "auto: the measured epochs' \(size) would pass the "
                + ByteCountFormatter.string(fromByteCount: Int64(CheckpointRetention.automaticLimitBytes), countStyle: .file) + " limit"
                : "execution.checkpoints: last; keeping every measured epoch's would take \(size)"
            print("checkpoints: the latest of each trajectory only (\(why)); changed metrics are re-measured by training again")
        }
    }
}
