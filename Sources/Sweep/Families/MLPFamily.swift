import Models

/// The multi-layer perceptron: `width`, `depth`, `activation`, `leaky_slope`, `batchnorm`,
/// `initializer` (the default family; its configurations carry no `family` field, so MLP ids
/// are what they were before families existed).
struct MLPFamily: ModelFamily {
    static let familyName = "mlp"
    var name: String { Self.familyName }
    var ownKeys: [String] { ["width", "depth", "activation", "leaky_slope", "batchnorm", "initializer"] }

    func normalized(_ configuration: TrajectoryConfiguration) -> TrajectoryConfiguration {
        var result = configuration
        result.family = nil
        result.variant = nil
        result.widthMultiplier = nil
        result.dropout = nil
        return result
    }

    func problem(_ configuration: TrajectoryConfiguration, inputShape: TensorShape) -> String? { nil }

    func network(_ configuration: TrajectoryConfiguration, inputShape: TensorShape, classCount: Int) throws -> NetworkDescription {
        try configuration.mlpConfiguration(inputCount: inputShape.count, classCount: classCount).network
    }
}
