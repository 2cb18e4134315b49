import RealModule

/// How the learning rate depends on the epoch.
///
/// Schedules depend only on the epoch index, never on the total number of
/// epochs, so that a trajectory continued to more epochs replays exactly.
public enum LearningRateSchedule: Codable, Hashable, Sendable {
    /// The base learning rate throughout.
    case constant
    /// The base rate multiplied by `gamma` every `every` epochs (the reference: 0.1 every 20).
    case step(every: Int, gamma: Float)

    /// The learning rate for the epoch with 0-based index `epoch`.
    ///
    /// For `.step(every: k, gamma: g)` it is `base * g^(epoch / k)` (integer division):
    /// epochs `0..<k` use `base`, epochs `k..<2k` use `base * g`, and so on.
    public func learningRate(base: Float, epoch: Int) -> Float {
        precondition(epoch >= 0, "LearningRateSchedule: negative epoch \(epoch)")
        switch self {
        case .constant:
            return base
        case .step(let every, let gamma):
            precondition(every > 0, "LearningRateSchedule: step interval must be positive")
            return Float(Double(base) * Double.pow(Double(gamma), Double(epoch / every)))
        }
    }

    /// A short description, e.g. `constant` or `step(every: 20, gamma: 0.1)`.
    public var name: String {
        switch self {
        case .constant: "constant"
        case .step(let every, let gamma): "step(every: \(every), gamma: \(gamma))"
        }
    }
}
