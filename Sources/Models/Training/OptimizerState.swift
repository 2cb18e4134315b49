/// The optimiser's memory: moment vectors and the number of steps taken.
///
/// For SGD, `firstMoment` is the momentum buffer and `secondMoment` is empty;
/// for Adam they are the moving averages of the gradient and of its square.
/// Both use the network's ``ParameterLayout``.
public struct OptimizerState: Sendable, Equatable {
    /// Number of updates applied so far.
    public internal(set) var stepCount: Int
    /// Momentum (SGD) or first moment (Adam).
    public internal(set) var firstMoment: [Float]
    /// Second moment (Adam); empty for SGD.
    public internal(set) var secondMoment: [Float]

    /// The state before the first step.
    public init(algorithm: OptimizerAlgorithm, parameterCount: Int) {
        stepCount = 0
        firstMoment = [Float](repeating: 0, count: parameterCount)
        switch algorithm {
        case .sgd: secondMoment = []
        case .adam: secondMoment = [Float](repeating: 0, count: parameterCount)
        }
    }

    /// A state restored from stored vectors (e.g. a checkpoint).
    public init(stepCount: Int, firstMoment: [Float], secondMoment: [Float]) {
        precondition(stepCount >= 0, "OptimizerState: negative step count")
        self.stepCount = stepCount
        self.firstMoment = firstMoment
        self.secondMoment = secondMoment
    }

    /// Whether the vectors have the sizes `algorithm` needs for `parameterCount` parameters.
    public func matches(algorithm: OptimizerAlgorithm, parameterCount: Int) -> Bool {
        switch algorithm {
        case .sgd: firstMoment.count == parameterCount && secondMoment.isEmpty
        case .adam: firstMoment.count == parameterCount && secondMoment.count == parameterCount
        }
    }
}
