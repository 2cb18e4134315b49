import Models

/// The VGG family (``Models/VGGConfiguration``): `variant` (vgg11, vgg13, vgg16, vgg19, the
/// depth), `width_multiplier` (the width), `dropout` of the two fully connected layers;
/// BatchNorm after every convolution always (its `batchnorm_momentum` and `batchnorm_epsilon`
/// apply), ReLU, Glorot-uniform initialisation.
struct VGGFamily: ModelFamily {
    var name: String { "vgg" }
    var ownKeys: [String] { ["variant", "width_multiplier", "dropout"] }
    var variants: [String] { VGGConfiguration.Variant.allCases.map(\.rawValue) }
    static let defaultDropout = 0.5

    func normalized(_ configuration: TrajectoryConfiguration) -> TrajectoryConfiguration {
        var result = convolutionalNormalized(configuration)
        result.dropout = configuration.dropout ?? Self.defaultDropout
        return result
    }

    func problem(_ configuration: TrajectoryConfiguration, inputShape: TensorShape) -> String? {
        if let problem = variantProblem(configuration.variant) { return problem }
        guard !inputShape.isVector else {
            return "VGG needs image data; this dataset has vectors of \(inputShape.count) features (use mnist, fashion-mnist, cifar10 or synthetic-images)"
        }
        return vgg(configuration).invalidityReason(inputShape: inputShape)
    }

    func network(_ configuration: TrajectoryConfiguration, inputShape: TensorShape, classCount: Int) throws -> NetworkDescription {
        vgg(configuration).network(inputShape: inputShape, classCount: classCount)
    }

    private func vgg(_ configuration: TrajectoryConfiguration) -> VGGConfiguration {
        VGGConfiguration(variant: VGGConfiguration.Variant(rawValue: configuration.variant ?? "") ?? .vgg11,
                         widthMultiplier: configuration.widthMultiplier ?? 1,
                         batchNorm: BatchNormSettings(momentum: Float(configuration.batchnormMomentum),
                                                      epsilon: Float(configuration.batchnormEpsilon)),
                         dropout: Float(configuration.dropout ?? Self.defaultDropout))
    }
}
