import Models

extension TrajectoryConfiguration {
    /// The data options this trajectory loads (the dataset cache's key).
    func datasetOptions(trajectory id: String) throws -> DatasetOptions {
        guard let kind = DatasetKind(rawValue: dataset) else {
            throw ExecutionError.invalidConfiguration(trajectory: id, key: "dataset.name", value: dataset,
                                                      allowed: DatasetKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var options = DatasetOptions(kind: kind, directory: datasetPath, holdoutFraction: holdout, standardize: standardize)
        if let images {
            options.syntheticImages = SyntheticImageSettings(
                classCount: images.classes, channels: images.channels, side: images.side, trainCount: images.trainSize,
                testCount: images.testSize, seed: UInt64(images.seed), noise: images.noise)
        }
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

    /// The MLP of this configuration (the default family) for inputs of `inputCount` features.
    func mlpConfiguration(inputCount: Int, classCount: Int) throws -> MLPConfiguration {
        let activationValue: Activation
        switch activation {
        case "relu": activationValue = .relu
        case "leaky_relu": activationValue = .leakyReLU(slope: Float(leakySlope))
        default: throw invalid("model.activation", activation, "relu, leaky_relu", contentHash)
        }
        guard let initializerValue = Initializer(rawValue: initializer) else {
            throw invalid("model.initializer", initializer, "glorot_uniform, he_uniform", contentHash)
        }
        return MLPConfiguration(
            inputCount: inputCount, width: width, depth: depth, classCount: classCount, activation: activationValue,
            batchNorm: batchnorm ? BatchNormSettings(momentum: Float(batchnormMomentum), epsilon: Float(batchnormEpsilon)) : nil,
            initializer: initializerValue)
    }

    /// The network of this configuration's family for data of the given shape.
    func network(inputShape: TensorShape, classCount: Int, trajectory id: String) throws -> NetworkDescription {
        guard let family = ModelFamilies.of(self) else {
            throw invalid("model.family", family ?? "", ModelFamilies.names.joined(separator: ", "), id)
        }
        if let problem = family.problem(self, inputShape: inputShape) {
            throw ExecutionError.unsupportedModel(trajectory: id, reason: problem)
        }
        return try family.network(self, inputShape: inputShape, classCount: classCount)
    }

    /// The code selection of `codes`.
    var codeSelection: CodeSelection {
        switch codes {
        case nil, "all": .all
        case "conv": .convolution
        case "fc": .fullyConnected
        case let names?: .layers(names.split(separator: ",").map(String.init))
        }
    }

    /// The augmentation of `augment`.
    var augmentation: Augmentation {
        guard let augment else { return .none }
        return Augmentation(shift: Float(augment.shift), flip: augment.flip, rotate: Float(augment.rotate))
    }

    /// The network, optimiser and batching this trajectory trains with, for data of the given shape.
    func trainingConfiguration(inputShape: TensorShape, classCount: Int, trajectory id: String) throws -> TrainingConfiguration {
        let model = try network(inputShape: inputShape, classCount: classCount, trajectory: id)
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
        if let reason = augmentation.invalidityReason(for: inputShape) {
            throw ExecutionError.unsupportedModel(trajectory: id, reason: reason)
        }
        return TrainingConfiguration(model: model, optimizer: optimizerConfiguration, batchSize: batchSize,
                                     seed: UInt64(bitPattern: Int64(seed)), augmentation: augmentation)
    }

    private func invalid(_ key: String, _ value: String, _ allowed: String, _ id: String) -> ExecutionError {
        .invalidConfiguration(trajectory: id, key: key, value: value, allowed: allowed)
    }
}
