import Models

/// A family of networks a spec can sweep (`model.family`): which spec keys it reads and how it
/// turns a configuration into layers. A new family is a new file conforming to this protocol
/// and an entry in ``ModelFamilies/all``; the trainer, store, codes and charts need nothing else.
protocol ModelFamily: Sendable {
    /// The `model.family` value, e.g. `vgg`.
    var name: String { get }
    /// The `model` keys only this family reads (others' keys are inert for it).
    var ownKeys: [String] { get }
    /// The values `model.variant` takes for this family (empty when it has no variants).
    var variants: [String] { get }
    /// `configuration` with this family's inert fields at their defaults and its defaults filled in.
    func normalized(_ configuration: TrajectoryConfiguration) -> TrajectoryConfiguration
    /// Why the family cannot build a network from `configuration` for inputs of `shape`, or nil.
    func problem(_ configuration: TrajectoryConfiguration, inputShape: TensorShape) -> String?
    /// The network for inputs of `inputShape` and `classCount` classes (``problem`` must be nil).
    func network(_ configuration: TrajectoryConfiguration, inputShape: TensorShape, classCount: Int) throws -> NetworkDescription
}

extension ModelFamily {
    var variants: [String] { [] }

    /// `configuration` with the MLP's keys at their defaults, BatchNorm on and the width
    /// multiplier filled in: what every convolutional family's ``normalized(_:)`` starts from.
    func convolutionalNormalized(_ configuration: TrajectoryConfiguration) -> TrajectoryConfiguration {
        let defaults = TrajectoryConfiguration()
        var result = configuration
        result.width = defaults.width
        result.depth = defaults.depth
        result.activation = defaults.activation
        result.leakySlope = defaults.leakySlope
        result.initializer = defaults.initializer
        result.batchnorm = true
        result.widthMultiplier = configuration.widthMultiplier ?? 1
        return result
    }

    /// Why `variant` is not one of this family's, or nil.
    func variantProblem(_ variant: String?) -> String? {
        guard let variant else { return "family \(name) needs model.variant (" + variants.joined(separator: ", ") + ")" }
        guard variants.contains(variant) else {
            return "model.variant \(variant) is not a variant of family \(name); expected " + variants.joined(separator: ", ")
        }
        return nil
    }
}

/// The families hashsweep knows.
enum ModelFamilies {
    static let all: [any ModelFamily] = [MLPFamily(), VGGFamily(), ResNetFamily()]

    /// The names, for errors and docs.
    static var names: [String] { all.map(\.name) }

    /// The family of `configuration` (`family` nil is the MLP).
    static func of(_ configuration: TrajectoryConfiguration) -> (any ModelFamily)? {
        let name = configuration.family ?? MLPFamily.familyName
        return all.first { $0.name == name }
    }

    /// Every family's variants, for the spec's `model.variant` choices.
    static var variants: [String] { all.flatMap(\.variants) }

    /// Every family's own keys.
    static var familyKeys: Set<String> { Set(all.flatMap(\.ownKeys)) }
}
