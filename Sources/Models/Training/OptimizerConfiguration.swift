/// The update rule and its hyper-parameters.
public enum OptimizerAlgorithm: Codable, Hashable, Sendable {
    /// SGD with (heavy-ball or Nesterov) momentum, PyTorch's convention:
    /// `v = momentum * v + g`, then `p -= lr * v` (Nesterov: `p -= lr * (g + momentum * v)`).
    case sgd(momentum: Float, nesterov: Bool)
    /// Adam (Kingma & Ba) with bias correction, PyTorch's convention:
    /// `p -= lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + epsilon)`.
    case adam(beta1: Float, beta2: Float, epsilon: Float)

    /// Adam with the usual defaults (0.9, 0.999, 1e-8).
    public static let adamDefaults = OptimizerAlgorithm.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)

    /// A short name for tables and logs: `sgd`, `sgd-nesterov` or `adam`.
    public var name: String {
        switch self {
        case .sgd(_, let nesterov): nesterov ? "sgd-nesterov" : "sgd"
        case .adam: "adam"
        }
    }
}

/// How weight decay enters the update.
public enum WeightDecayMode: String, Codable, Hashable, Sendable, CaseIterable {
    /// L2 penalty added to the gradient before the update: `g += lambda * p`.
    case coupled = "l2"
    /// Shrinks the parameter directly before the update (AdamW): `p *= 1 - lr * lambda`.
    case decoupled
}

/// Which parameters weight decay applies to.
public enum WeightDecayScope: String, Codable, Hashable, Sendable, CaseIterable {
    /// Only Linear weight matrices (not biases, not BatchNorm scales and shifts).
    case weightsOnly = "weights"
    /// Every trainable parameter (PyTorch's `weight_decay` on `model.parameters()`).
    case allParameters = "all"
}

/// Weight decay: a coefficient, how it is applied and to what.
public struct WeightDecay: Codable, Hashable, Sendable {
    /// The coefficient `lambda` (0 disables weight decay).
    public var coefficient: Float
    /// Coupled L2 or decoupled.
    public var mode: WeightDecayMode
    /// Weights only or all parameters.
    public var scope: WeightDecayScope

    /// Weight decay with the given coefficient, coupled and on all parameters by default (as PyTorch's SGD/Adam).
    public init(coefficient: Float = 0, mode: WeightDecayMode = .coupled, scope: WeightDecayScope = .allParameters) {
        self.coefficient = coefficient
        self.mode = mode
        self.scope = scope
        if let reason = invalidityReason { preconditionFailure("WeightDecay: \(reason)") }
    }

    /// No weight decay.
    public static let none = WeightDecay()
}

/// Everything about how parameters are updated: rule, learning rate, schedule and weight decay.
public struct OptimizerConfiguration: Codable, Hashable, Sendable {
    /// The update rule.
    public var algorithm: OptimizerAlgorithm
    /// The learning rate of the first epoch (the schedule scales it per epoch).
    public var learningRate: Float
    /// How the learning rate changes with the epoch.
    public var schedule: LearningRateSchedule
    /// Weight decay.
    public var weightDecay: WeightDecay

    /// An optimiser configuration; by default a constant learning rate and no weight decay.
    public init(algorithm: OptimizerAlgorithm, learningRate: Float,
                schedule: LearningRateSchedule = .constant, weightDecay: WeightDecay = .none) {
        self.algorithm = algorithm
        self.learningRate = learningRate
        self.schedule = schedule
        self.weightDecay = weightDecay
        if let reason = invalidityReason { preconditionFailure("OptimizerConfiguration: \(reason)") }
    }
}
