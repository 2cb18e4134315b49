import Models

/// The sizes of a configuration's network that estimates need: parameters, multiply-adds of
/// one example's forward pass and code bits (under the configuration's code selection).
///
/// MLPs measuring all their units are counted in closed form (a plan of a million points must
/// not compile a million networks); other families, and MLPs with a `codes` selection, compile
/// their description for the dataset's input shape.
public struct NetworkSize: Sendable, Hashable {
    public var parameters: Int
    public var multiplyAdds: Int
    public var codeLength: Int

    /// The sizes of `configuration`'s network (zero where it cannot be built; `spec check` says why).
    public init(of configuration: TrajectoryConfiguration) {
        guard let family = ModelFamilies.of(configuration), !(family is MLPFamily && configuration.codes == nil) else {
            let parameters = ComputeEstimate.mlpParameterCount(of: configuration)
            self.init(parameters: parameters, multiplyAdds: parameters, codeLength: configuration.width * configuration.depth)
            return
        }
        let facts = DatasetFacts(of: configuration)
        guard family.problem(configuration, inputShape: facts.inputShape) == nil,
              let sizes = try? family.network(configuration, inputShape: facts.inputShape, classCount: facts.classes).sizes,
              case .success(let groups) = configuration.codeSelection.select(from: sizes.codeGroups)
        else {
            self.init(parameters: 0, multiplyAdds: 0, codeLength: 0)
            return
        }
        self.init(parameters: sizes.parameterCount, multiplyAdds: sizes.multiplyAdds,
                  codeLength: groups.reduce(0) { $0 + $1.units })
    }

    init(parameters: Int, multiplyAdds: Int, codeLength: Int) {
        self.parameters = parameters
        self.multiplyAdds = multiplyAdds
        self.codeLength = codeLength
    }
}
