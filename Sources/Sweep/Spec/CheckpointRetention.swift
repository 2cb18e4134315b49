/// Which checkpoints a sweep keeps (`execution.checkpoints`).
///
/// The latest checkpoint of every trajectory is always kept (training resumes from it). With
/// `measured` the checkpoint of every measured epoch is kept too, so that a changed or new metric
/// is measured from it without training (`hashsweep measure`); with `last` such a re-measurement
/// retrains up to each epoch. `auto` keeps them while the estimated size stays at most
/// ``automaticLimitBytes``.
public enum CheckpointRetention: String, Sendable, Hashable, Codable, CaseIterable {
    case auto, measured, last

    /// The largest estimated size of the measured epochs' checkpoints that `auto` keeps: 8 GiB.
    public static let automaticLimitBytes = 8.0 * 1024 * 1024 * 1024

    /// Whether checkpoints of measured epochs are kept, given their estimated total size.
    public func keepsMeasuredEpochs(estimatedBytes: Double) -> Bool {
        switch self {
        case .measured: true
        case .last: false
        case .auto: estimatedBytes <= Self.automaticLimitBytes
        }
    }
}
