import Foundation

/// How fast one worker trains and measures, in estimated FLOPs (``ComputeEstimate``) per
/// second, and where that comes from: the sweep's own stored measurements, or a short
/// calibration on this machine before any is stored.
///
/// `plan`, `status` and the progress bar of `run` all turn work into time with this model
/// (through ``SweepTimeEstimate``), so for the same state and the same number of workers
/// they give the same estimate.
public struct CostModel: Sendable, Equatable, Codable {
    /// Where the rates come from.
    public enum Source: Sendable, Equatable, Codable {
        /// Fitted to the seconds of this many stored measurements.
        case stored(measurements: Int)
        /// Measured by ``CostCalibration`` on this machine.
        case calibration
    }

    /// Estimated training FLOPs one worker does per second.
    public var trainingRate: Double
    /// Estimated measuring FLOPs (codes and metric steps) one worker does per second.
    public var measuringRate: Double
    /// Where the rates come from.
    public var source: Source

    /// A model; both rates must be positive.
    public init(trainingRate: Double, measuringRate: Double, source: Source) {
        precondition(trainingRate > 0 && measuringRate > 0, "CostModel: rates must be positive")
        self.trainingRate = trainingRate
        self.measuringRate = measuringRate
        self.source = source
    }

    /// Seconds `workers` workers take for `work`, shared evenly.
    public func seconds(for work: ComputeEstimate, workers: Int) -> Double {
        (work.trainingFLOPs / trainingRate + work.measurementFLOPs / measuringRate) / Double(max(1, workers))
    }

    /// Says where the rates come from, for messages: "cost model fitted to 72 stored measurements".
    public var sourceDescription: String {
        switch source {
        case .stored(let count): "cost model fitted to \(count) stored measurement\(count == 1 ? "" : "s")"
        case .calibration: "cost model calibrated on this machine; no measurement stored yet"
        }
    }

    /// The model fitted to stored work: the estimated FLOPs behind the measurements against their
    /// seconds, training and measuring apart; `nil` when either took no measurable time.
    public static func fitted(training: Double, trainingSeconds: Double, measuring: Double, measuringSeconds: Double,
                              measurements: Int) -> CostModel? {
        guard measurements > 0, training > 0, trainingSeconds > 0, measuring > 0, measuringSeconds > 0 else { return nil }
        return CostModel(trainingRate: training / trainingSeconds, measuringRate: measuring / measuringSeconds,
                         source: .stored(measurements: measurements))
    }
}
