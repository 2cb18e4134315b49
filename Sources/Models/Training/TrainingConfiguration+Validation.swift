// What makes a configuration valid, in one place. The initialisers trap on
// invalid values (programmer errors); decoded values bypass the initialisers,
// so decoders (checkpoints, stored specs) ask `invalidityReason` and throw.

extension BatchNormSettings {
    /// Why these settings are invalid, or `nil`.
    public var invalidityReason: String? {
        guard momentum >= 0 && momentum <= 1 else { return "BatchNorm momentum \(momentum) must lie in [0, 1]" }
        guard epsilon > 0 && epsilon.isFinite else { return "BatchNorm epsilon \(epsilon) must be positive" }
        return nil
    }
}

extension MLPConfiguration {
    /// Why this configuration is invalid, or `nil`.
    public var invalidityReason: String? {
        guard inputCount > 0 else { return "the input count \(inputCount) must be positive" }
        guard !widths.isEmpty && widths.allSatisfy({ $0 > 0 }) else {
            return "the hidden widths \(widths) must be at least one positive number"
        }
        guard classCount > 1 else { return "the class count \(classCount) must be at least 2" }
        if case .leakyReLU(let slope) = activation, !(slope.isFinite && slope >= 0) {
            return "the LeakyReLU slope \(slope) must be finite and >= 0"
        }
        return batchNorm?.invalidityReason
    }
}

extension WeightDecay {
    /// Why this weight decay is invalid, or `nil`.
    public var invalidityReason: String? {
        coefficient >= 0 && coefficient.isFinite ? nil : "the weight decay \(coefficient) must be finite and >= 0"
    }
}

extension LearningRateSchedule {
    /// Why this schedule is invalid, or `nil`.
    public var invalidityReason: String? {
        guard case .step(let every, let gamma) = self else { return nil }
        guard every > 0 else { return "the step schedule's interval \(every) must be a positive number of epochs" }
        return gamma > 0 && gamma.isFinite ? nil : "the step schedule's gamma \(gamma) must be positive"
    }
}

extension OptimizerAlgorithm {
    /// Why these hyper-parameters are invalid, or `nil`.
    public var invalidityReason: String? {
        switch self {
        case .sgd(let momentum, _):
            return momentum >= 0 && momentum < 1 ? nil : "the SGD momentum \(momentum) must lie in [0, 1)"
        case .adam(let beta1, let beta2, let epsilon):
            guard beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 else {
                return "Adam's beta1 \(beta1) and beta2 \(beta2) must lie in [0, 1)"
            }
            return epsilon >= 0 && epsilon.isFinite ? nil : "Adam's epsilon \(epsilon) must be finite and >= 0"
        }
    }
}

extension OptimizerConfiguration {
    /// Why this configuration is invalid, or `nil`.
    public var invalidityReason: String? {
        guard learningRate > 0 && learningRate.isFinite else { return "the learning rate \(learningRate) must be positive" }
        return algorithm.invalidityReason ?? schedule.invalidityReason ?? weightDecay.invalidityReason
    }
}

extension TrainingConfiguration {
    /// Why this configuration is invalid, or `nil`.
    public var invalidityReason: String? {
        guard batchSize > 0 else { return "the batch size \(batchSize) must be positive" }
        return model.invalidityReason ?? optimizer.invalidityReason ?? augmentation.invalidityReason(for: model.inputShape)
    }
}
