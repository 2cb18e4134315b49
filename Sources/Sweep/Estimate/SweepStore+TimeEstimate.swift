import Foundation
import GRDB

extension SweepStore {
    /// The seconds of every stored measurement, by trajectory id.
    public func measurementTimes() throws -> [String: [MeasurementTime]] {
        try read { db in
            var times: [String: [MeasurementTime]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT trajectory_id, epoch, train_seconds, measure_seconds FROM measurement") {
                times[row["trajectory_id"], default: []].append(
                    MeasurementTime(epoch: row["epoch"], trainSeconds: row["train_seconds"], measureSeconds: row["measure_seconds"]))
            }
            return times
        }
    }

    /// The current spec as the store records it; `nil` when there is none or it no longer parses.
    public func recordedSpec() throws -> SweepSpec? {
        guard let sweep = try currentSweep() else { return nil }
        return try? SweepSpec(parsing: sweep.specText, file: "\(sweep.name) (stored)")
    }

    /// The time left for `spec` (default: the one the store records) at `workers` workers (`nil`:
    /// the spec's `execution.workers`, else the number of cores); `nil` without a spec. Without
    /// stored times the model comes from `calibration` (``CostCalibration/model(toolVersion:environment:)``
    /// or its cache only).
    public func timeEstimate(for spec: SweepSpec? = nil, workers: Int?, calibration: () throws -> CostModel?) throws
        -> SweepTimeEstimate? {
        guard let spec = try spec ?? recordedSpec() else { return nil }
        let workers = workers ?? spec.execution.workers ?? ProcessInfo.processInfo.activeProcessorCount
        return try SweepTimeEstimate.make(trajectories: spec.trajectories, stored: measurementTimes(), workers: workers,
                                          calibration: calibration)
    }
}
