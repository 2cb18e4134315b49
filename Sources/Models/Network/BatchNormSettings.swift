/// BatchNorm hyper-parameters, in Keras' convention.
///
/// In training, a hidden unit's pre-activation `z` is normalised with the batch
/// mean and the *biased* batch variance (divided by the batch size), then scaled
/// and shifted: `h = gamma * (z - mean) / sqrt(variance + epsilon) + beta`.
/// After each training batch the running statistics move as
/// `running = momentum * running + (1 - momentum) * batch` (Keras; PyTorch's
/// `momentum` is `1 - momentum` here, and PyTorch tracks the unbiased variance).
/// Evaluation and neural codes use the running statistics.
public struct BatchNormSettings: Codable, Hashable, Sendable {
    /// Weight of the old running statistic in each update (Keras' default 0.99).
    public var momentum: Float
    /// Added to the variance before the square root (Keras' default 1e-3).
    public var epsilon: Float

    /// Settings with the paper's reference values by default.
    public init(momentum: Float = 0.99, epsilon: Float = 1e-3) {
        self.momentum = momentum
        self.epsilon = epsilon
        if let reason = invalidityReason { preconditionFailure("BatchNormSettings: \(reason)") }
    }
}
