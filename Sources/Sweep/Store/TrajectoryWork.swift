import Metrics

/// What is left to do for one trajectory: epochs never measured, and measured epochs whose
/// stored metric settings differ from the configuration's (a changed setting, a new step, a
/// newer algorithm), split by whether their checkpoint is kept.
///
/// A pure function of the requested epochs, the configuration's fingerprints
/// (``Metrics/MetricSettings/fingerprints``), what is stored and which checkpoints exist; the
/// store, the workers and `hashsweep plan` all decide through it.
public struct TrajectoryWork: Sendable, Equatable {
    /// Requested epochs without a measurement, increasing.
    public var newEpochs: [Int] = []
    /// Measured epochs to re-measure from their kept checkpoint, with the steps to re-measure.
    public var fromCheckpoint: [Int: [MetricStep]] = [:]
    /// Measured epochs to re-measure whose checkpoint is not kept: training reaches them again.
    public var byTraining: [Int: [MetricStep]] = [:]

    /// Nothing left to do.
    public var isEmpty: Bool { newEpochs.isEmpty && fromCheckpoint.isEmpty && byTraining.isEmpty }
    /// The epochs training must reach, increasing.
    public var trainingEpochs: [Int] { (newEpochs + byTraining.keys).sorted() }
    /// Whether any of the work needs training.
    public var needsTraining: Bool { !newEpochs.isEmpty || !byTraining.isEmpty }
    /// Measured epochs to re-measure, either way.
    public var remeasuredCount: Int { fromCheckpoint.count + byTraining.count }

    /// The work for a trajectory measured at `epochs`, whose configuration measures with
    /// `current` fingerprints (step name to fingerprint), given the fingerprints stored with each
    /// measured epoch and the epochs whose checkpoint is kept.
    public init(epochs: [Int], current: [String: String], measured: [Int: [String: String]], checkpointEpochs: Set<Int>) {
        for epoch in epochs {
            guard let stored = measured[epoch] else {
                newEpochs.append(epoch)
                continue
            }
            let stale = MetricStep.allCases.filter { step in
                current[step.rawValue].map { $0 != stored[step.rawValue] } ?? false
            }
            guard !stale.isEmpty else { continue }
            if checkpointEpochs.contains(epoch) { fromCheckpoint[epoch] = stale } else { byTraining[epoch] = stale }
        }
    }

    /// No work.
    public init() {}
}
