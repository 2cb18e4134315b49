import Models

extension TrajectoryConfiguration {
    /// The data options this trajectory loads (the dataset cache's key).
    func datasetOptions(trajectory id: String) throws -> DatasetOptions {
        guard let kind = DatasetKind(rawValue: dataset) else {
            throw ExecutionError.invalidConfiguration(trajectory: id, key: "dataset.name", value: dataset,
                                                      allowed: DatasetKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var options = DatasetOptions(kind: kind, directory: datasetPath, holdoutFraction: holdout, standardize: standardize)
        if let synthetic {
            options.synthetic = SyntheticDatasetSettings(
                classCount: synthetic.classes, dimension: synthetic.dimension, trainCount: synthetic.trainSize,
                testCount: synthetic.testSize, seed: UInt64(synthetic.seed), clustersPerClass: synthetic.clustersPerClass,
                latentDimension: synthetic.latentDimension, clusterSpread: synthetic.clusterSpread,
                featureNoise: synthetic.featureNoise)
        }
        return options
    }

    /// How the training set is drawn from the training split.
    func trainingSetOptions(trajectory id: String) throws -> TrainingSetOptions {
        guard let mode = SubsampleMode(rawValue: subsample) else {
            throw ExecutionError.invalidConfiguration(trajectory: id, key: "dataset.subsample", value: subsample,
                                                      allowed: SubsampleMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return TrainingSetOptions(samples: samples, mode: mode, tiled: tile, labelNoise: labelNoise)
    }

    /// The network, optimiser and batching this trajectory trains with, for data of the given shape.
    func trainingConfiguration(inputCount: Int, classCount: Int, trajectory id: String) throws -> TrainingConfiguration {
        let activationValue: Activation
        switch activation {
        case "relu": activationValue = .relu
        case "leaky_relu": activationValue = .leakyReLU(slope: Float(leakySlope))
        default: throw invalid("model.activation", activation, "relu, leaky_relu", id)
        }
        guard let initializerValue = Initializer(rawValue: initializer) else {
            throw invalid("model.initializer", initializer, "glorot_uniform, he_uniform", id)
        }
        let model = MLPConfiguration(
            inputCount: inputCount, width: width, depth: depth, classCount: classCount, activation: activationValue,
            batchNorm: batchnorm ? BatchNormSettings(momentum: Float(batchnormMomentum), epsilon: Float(batchnormEpsilon)) : nil,
            initializer: initializerValue)
        let algorithm: OptimizerAlgorithm
        switch optimizer {
        case "sgd": algorithm = .sgd(momentum: Float(momentum), nesterov: nesterov)
        case "adam": algorithm = .adam(beta1: Float(beta1), beta2: Float(beta2), epsilon: Float(adamEpsilon))
        default: throw invalid("train.optimizer", optimizer, "sgd, adam", id)
        }
        let scheduleValue: LearningRateSchedule
        switch schedule {
        case "constant": scheduleValue = .constant
        case "step": scheduleValue = .step(every: stepEvery, gamma: Float(stepGamma))
        default: throw invalid("train.schedule", schedule, "constant, step", id)
        }
        guard let mode = WeightDecayMode(rawValue: weightDecayMode) else {
            throw invalid("train.weight_decay_mode", weightDecayMode, "l2, decoupled", id)
        }
        guard let scope = WeightDecayScope(rawValue: weightDecayScope) else {
            throw invalid("train.weight_decay_scope", weightDecayScope, "weights, all", id)
        }
        let optimizerConfiguration = OptimizerConfiguration(
            algorithm: algorithm, learningRate: Float(lr), schedule: scheduleValue,
            weightDecay: WeightDecay(coefficient: Float(weightDecay), mode: mode, scope: scope))
        return TrainingConfiguration(model: model, optimizer: optimizerConfiguration, batchSize: batchSize,
                                     seed: UInt64(bitPattern: Int64(seed)))
    }

    private func invalid(_ key: String, _ value: String, _ allowed: String, _ id: String) -> ExecutionError {
        .invalidConfiguration(trajectory: id, key: key, value: value, allowed: allowed)
    }
}
