import ArgumentParser
import Models

/// The dataset flags of `hashsweep train`.
struct TrainDataOptions: ParsableArguments {
    @Option(help: "The dataset to train and test on.")
    var dataset: DatasetKind = .mnist

    @Option(help: "Folder holding the dataset's files (default: $HASHSWEEP_DATA, then the usual places).")
    var dataDir: String?

    @Option(parsing: .unconditional, help: "Fraction of the official training set withheld from training, in [0, 1).")
    var holdout = 0.0

    @Flag(help: "Standardise features with the training split's mean and deviation.")
    var standardize = false

    @Option(parsing: .unconditional, help: "Training examples to use (default: the whole training split).")
    var samples: Int?

    @Option(help: "How the training subsample is chosen (first n, or a seeded class-stratified sample).")
    var subsample: SubsampleMode = .first

    @Flag(help: "Repeat a subsample of n floor(N / n) times per epoch, as the reference does.")
    var tile = false

    @Option(parsing: .unconditional, help: "Fraction of training labels replaced by a different class, in [0, 1).")
    var labelNoise = 0.0

    func validate() throws {
        guard (0..<1).contains(holdout) else { throw ValidationError("--holdout must lie in [0, 1) (got \(holdout)).") }
        guard (0..<1).contains(labelNoise) else { throw ValidationError("--label-noise must lie in [0, 1) (got \(labelNoise)).") }
        if let samples, samples <= 0 { throw ValidationError("--samples must be positive (got \(samples)).") }
    }

    /// The loader options these flags describe.
    var datasetOptions: DatasetOptions {
        DatasetOptions(kind: dataset, directory: dataDir, holdoutFraction: holdout, standardize: standardize)
    }

    /// The training-set options these flags describe.
    var trainingSetOptions: TrainingSetOptions {
        TrainingSetOptions(samples: samples, mode: subsample, tiled: tile, labelNoise: labelNoise)
    }
}

/// The network flags of `hashsweep train`.
struct TrainModelOptions: ParsableArguments {
    enum ActivationName: String, ExpressibleByArgument, CaseIterable {
        case relu
        case leakyReLU = "leaky_relu"
    }

    enum FamilyName: String, ExpressibleByArgument, CaseIterable {
        case mlp, vgg, resnet
    }

    @Option(help: "The network family: an MLP (--width, --depth, ...), a VGG or a ResNet (--variant, --width-multiplier; image data).")
    var family: FamilyName = .mlp

    @Option(help: ArgumentHelp("The variant of a VGG (vgg11, vgg13, vgg16, vgg19; default vgg11) or a ResNet (resnet18, resnet20, resnet32, resnet56; default resnet20).",
                               valueName: "variant"))
    var variant: String?

    @Option(parsing: .unconditional, help: "Scales the channel counts of a VGG or ResNet (and a VGG's fully connected width).")
    var widthMultiplier = 1.0

    @Option(parsing: .unconditional, help: "Width of every hidden layer.")
    var width = 100

    @Option(parsing: .unconditional, help: "Number of hidden layers.")
    var depth = 1

    @Option(help: "Comma-separated hidden widths, first to last (overrides --width and --depth).")
    var widths: String?

    @Option(help: "Activation of the hidden layers.")
    var activation: ActivationName = .relu

    @Option(parsing: .unconditional, help: "Negative slope of leaky_relu (>= 0).")
    var leakySlope: Float = 0.01

    @Flag(help: "BatchNorm after each hidden Linear layer (before the activation).")
    var batchnorm = false

    @Option(parsing: .unconditional, help: "BatchNorm running-average momentum, Keras' convention: running = m * running + (1 - m) * batch.")
    var batchnormMomentum: Float = 0.99

    @Option(parsing: .unconditional, help: "BatchNorm epsilon.")
    var batchnormEpsilon: Float = 1e-3

    @Option(help: "Weight initialiser (biases start at zero).")
    var initializer: Initializer = .glorotUniform

    func validate() throws {
        _ = try hiddenWidths()
        _ = try vggVariant()
        _ = try resNetVariant()
        guard widthMultiplier > 0, widthMultiplier.isFinite else {
            throw ValidationError("--width-multiplier must be positive (got \(widthMultiplier)).")
        }
        guard leakySlope >= 0, leakySlope.isFinite else { throw ValidationError("--leaky-slope must be finite and >= 0 (got \(leakySlope)).") }
        guard (0...1).contains(batchnormMomentum) else { throw ValidationError("--batchnorm-momentum must lie in [0, 1] (got \(batchnormMomentum)).") }
        guard batchnormEpsilon > 0 else { throw ValidationError("--batchnorm-epsilon must be positive (got \(batchnormEpsilon)).") }
    }

    /// The hidden widths from `--widths`, or `--depth` copies of `--width`.
    func hiddenWidths() throws -> [Int] {
        guard let widths else {
            guard width > 0, depth > 0 else { throw ValidationError("--width and --depth must be positive (got \(width), \(depth)).") }
            return Array(repeating: width, count: depth)
        }
        return try CommaList.positiveIntegers(widths, option: "--widths", example: "300,100")
    }

    /// The network for data of `inputShape` with `classCount` classes, and a one-line summary of it.
    func network(inputShape: TensorShape, classCount: Int) throws -> (NetworkDescription, String) {
        switch family {
        case .mlp:
            let mlp = try configuration(inputCount: inputShape.count, classCount: classCount)
            return (mlp.network, "widths \(mlp.widths), \(mlp.activation.name)" + (mlp.batchNorm == nil ? "" : ", batchnorm"))
        case .vgg:
            let variant = try vggVariant()
            let vgg = VGGConfiguration(variant: variant, widthMultiplier: widthMultiplier, batchNorm: batchNormSettings)
            if let reason = vgg.invalidityReason(inputShape: inputShape) { throw ValidationError("--family vgg: \(reason).") }
            let description = vgg.network(inputShape: inputShape, classCount: classCount)
            return (description, "\(variant.rawValue) x\(widthMultiplier) on \(inputShape), \(description.parameterCount) parameters")
        case .resnet:
            let variant = try resNetVariant()
            let description = ResNetConfiguration(variant: variant, widthMultiplier: widthMultiplier, batchNorm: batchNormSettings)
                .network(inputShape: inputShape, classCount: classCount)
            return (description, "\(variant.rawValue) x\(widthMultiplier) on \(inputShape), \(description.parameterCount) parameters")
        }
    }

    private var batchNormSettings: BatchNormSettings { BatchNormSettings(momentum: batchnormMomentum, epsilon: batchnormEpsilon) }

    /// `--variant` as a VGG's (vgg11 when not given).
    func vggVariant() throws -> VGGConfiguration.Variant {
        try Self.variant(variant, of: .vgg, family: family, default: VGGConfiguration.Variant.vgg11)
    }

    /// `--variant` as a ResNet's (resnet20 when not given).
    func resNetVariant() throws -> ResNetConfiguration.Variant {
        try Self.variant(variant, of: .resnet, family: family, default: ResNetConfiguration.Variant.resnet20)
    }

    private static func variant<Variant: RawRepresentable & CaseIterable>(
        _ text: String?, of owner: FamilyName, family: FamilyName, default fallback: Variant
    ) throws -> Variant where Variant.RawValue == String {
        guard family == owner, let text else {
            if family == .mlp, let text { throw ValidationError("--variant \(text) needs --family vgg or resnet; an MLP has --width and --depth.") }
            return fallback
        }
        guard let variant = Variant(rawValue: text) else {
            throw ValidationError("--variant \(text) is not a variant of --family \(owner.rawValue); expected "
                                  + Variant.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return variant
    }

    /// The model configuration for data with these dimensions.
    func configuration(inputCount: Int, classCount: Int) throws -> MLPConfiguration {
        MLPConfiguration(
            inputCount: inputCount, widths: try hiddenWidths(), classCount: classCount,
            activation: activation == .relu ? .relu : .leakyReLU(slope: leakySlope),
            batchNorm: batchnorm ? BatchNormSettings(momentum: batchnormMomentum, epsilon: batchnormEpsilon) : nil,
            initializer: initializer)
    }
}

/// The optimiser flags of `hashsweep train`.
struct TrainOptimizerOptions: ParsableArguments {
    enum OptimizerName: String, ExpressibleByArgument, CaseIterable {
        case sgd, adam
    }

    enum ScheduleName: String, ExpressibleByArgument, CaseIterable {
        case constant, step
    }

    @Option(help: "Optimiser: SGD with momentum, or Adam.")
    var optimizer: OptimizerName = .sgd

    @Option(parsing: .unconditional, help: "Learning rate of the first epoch.")
    var lr: Float = 0.01

    @Option(parsing: .unconditional, help: "SGD momentum.")
    var momentum: Float = 0.9

    @Flag(help: "Nesterov momentum for SGD.")
    var nesterov = false

    @Option(parsing: .unconditional, help: "Adam's beta1.")
    var beta1: Float = 0.9

    @Option(parsing: .unconditional, help: "Adam's beta2.")
    var beta2: Float = 0.999

    @Option(parsing: .unconditional, help: "Adam's epsilon.")
    var adamEpsilon: Float = 1e-8

    @Option(parsing: .unconditional, help: "Weight decay coefficient.")
    var weightDecay: Float = 0

    @Option(help: "Weight decay mode: l2 adds lambda * p to the gradient; decoupled shrinks p by lr * lambda (AdamW).")
    var weightDecayMode: WeightDecayMode = .coupled

    @Option(help: "Parameters weight decay applies to: the Linear weight matrices, or all parameters.")
    var weightDecayScope: WeightDecayScope = .weightsOnly

    @Option(help: "Learning-rate schedule (step: multiply by --step-gamma every --step-every epochs).")
    var schedule: ScheduleName = .constant

    @Option(parsing: .unconditional, help: "Epochs between learning-rate decays of the step schedule.")
    var stepEvery = 20

    @Option(parsing: .unconditional, help: "Multiplier applied at each decay of the step schedule.")
    var stepGamma: Float = 0.1

    @Option(parsing: .unconditional, help: "Examples per mini-batch.")
    var batchSize = 128

    func validate() throws {
        guard lr > 0, lr.isFinite else { throw ValidationError("--lr must be positive (got \(lr)).") }
        guard momentum >= 0, momentum < 1 else { throw ValidationError("--momentum must lie in [0, 1) (got \(momentum)).") }
        guard (0..<1).contains(beta1), (0..<1).contains(beta2) else { throw ValidationError("--beta1 and --beta2 must lie in [0, 1).") }
        guard adamEpsilon >= 0 else { throw ValidationError("--adam-epsilon must be >= 0 (got \(adamEpsilon)).") }
        guard weightDecay >= 0, weightDecay.isFinite else { throw ValidationError("--weight-decay must be >= 0 (got \(weightDecay)).") }
        guard stepEvery > 0 else { throw ValidationError("--step-every must be positive (got \(stepEvery)).") }
        guard stepGamma > 0 else { throw ValidationError("--step-gamma must be positive (got \(stepGamma)).") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive (got \(batchSize)).") }
    }

    /// The optimiser configuration these flags describe.
    var configuration: OptimizerConfiguration {
        OptimizerConfiguration(
            algorithm: optimizer == .sgd ? .sgd(momentum: momentum, nesterov: nesterov)
                                         : .adam(beta1: beta1, beta2: beta2, epsilon: adamEpsilon),
            learningRate: lr,
            schedule: schedule == .constant ? .constant : .step(every: stepEvery, gamma: stepGamma),
            weightDecay: WeightDecay(coefficient: weightDecay, mode: weightDecayMode, scope: weightDecayScope))
    }
}
