import Models

/// The ResNet family (``Models/ResNetConfiguration``): `variant` (resnet18, resnet20, resnet32,
/// resnet56, the depth) and `width_multiplier` (the width); BatchNorm after every convolution
/// always (its `batchnorm_momentum` and `batchnorm_epsilon` apply), ReLU, Glorot-uniform
/// initialisation.
struct ResNetFamily: ModelFamily {
    var name: String { "resnet" }
    var ownKeys: [String] { ["variant", "width_multiplier"] }
    var variants: [String] { ResNetConfiguration.Variant.allCases.map(\.rawValue) }

    func normalized(_ configuration: TrajectoryConfiguration) -> TrajectoryConfiguration {
        var result = convolutionalNormalized(configuration)
        result.dropout = nil
        return result
    }

    func problem(_ configuration: TrajectoryConfiguration, inputShape: TensorShape) -> String? {
        if let problem = variantProblem(configuration.variant) { return problem }
        guard !inputShape.isVector else {
            return "ResNet needs image data; this dataset has vectors of \(inputShape.count) features (use mnist, fashion-mnist, cifar10 or synthetic-images)"
        }
        return nil
    }

    func network(_ configuration: TrajectoryConfiguration, inputShape: TensorShape, classCount: Int) throws -> NetworkDescription {
        ResNetConfiguration(variant: ResNetConfiguration.Variant(rawValue: configuration.variant ?? "") ?? .resnet20,
                            widthMultiplier: configuration.widthMultiplier ?? 1,
                            batchNorm: BatchNormSettings(momentum: Float(configuration.batchnormMomentum),
                                                         epsilon: Float(configuration.batchnormEpsilon)))
            .network(inputShape: inputShape, classCount: classCount)
    }
}
