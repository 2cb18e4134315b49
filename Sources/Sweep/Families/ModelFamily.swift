import Models

/// A family of networks a spec can sweep (`model.family`): which spec keys it reads and how it
/// turns a configuration into layers. A new family is a new file conforming to this protocol
/// and an entry in ``ModelFamilies/all``; the trainer, store, codes and charts need nothing else.
protocol ModelFamily: Sendable {
    /// The `model.family` value, e.g. `vgg`.
    var name: String { get }
    /// The `model` keys only this family reads (others' keys are inert for it).
    var ownKeys: [String] { get }
    /// `configuration` with this family's inert fields at their defaults and its defaults filled in.
    func normalized(_ configuration: TrajectoryConfiguration) -> TrajectoryConfiguration
    /// Why the family cannot build a network from `configuration` for inputs of `shape`, or nil.
    func problem(_ configuration: TrajectoryConfiguration, inputShape: TensorShape) -> String?
    /// The network for inputs of `inputShape` and `classCount` classes (``problem`` must be nil).
    func network(_ configuration: TrajectoryConfiguration, inputShape: TensorShape, classCount: Int) throws -> NetworkDescription
}

/// The families hashsweep knows.
enum ModelFamilies {
    static let all: [any ModelFamily] = [MLPFamily(), VGGFamily()]

    /// The names, for errors and docs.
    static var names: [String] { all.map(\.name) }

    /// The family of `configuration` (`family` nil is the MLP).
    static func of(_ configuration: TrajectoryConfiguration) -> (any ModelFamily)? {
        let name = configuration.family ?? MLPFamily.familyName
        return all.first { $0.name == name }
    }

    /// Every family's own keys.
    static var familyKeys: Set<String> { Set(all.flatMap(\.ownKeys)) }
}
