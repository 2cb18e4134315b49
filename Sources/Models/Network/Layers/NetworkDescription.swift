/// A network as a list of named layers over inputs of one shape: what every family (MLP, VGG,
/// ...) builds, and what the trainer, checkpoints, codes and evaluation work on.
///
/// The last layer must be a Linear layer with neither BatchNorm nor activation: its outputs
/// are the logits, one per class. A BatchNorm must directly follow a Linear or convolution
/// layer, and an activation one of those or its BatchNorm; such a run forms one block whose
/// activation bits are the block's neural code, named after the Linear or convolution layer.
/// See ``NetworkPlan`` for how a description runs.
public struct NetworkDescription: Codable, Hashable, Sendable {
    /// The shape of one input example (a vector for tabular data).
    public var inputShape: TensorShape
    /// The layers, input to output, with names unique within the network.
    public var layers: [NamedLayer]
    /// How the weights of Linear and convolution layers are drawn.
    public var initializer: Initializer

    /// A description; ``invalidityReason`` must be nil.
    public init(inputShape: TensorShape, layers: [NamedLayer], initializer: Initializer = .glorotUniform) {
        self.inputShape = inputShape
        self.layers = layers
        self.initializer = initializer
        if let reason = invalidityReason { preconditionFailure("NetworkDescription: \(reason)") }
    }

    /// A description that may be invalid (for decoders and tests that ask ``invalidityReason``).
    static func unchecked(inputShape: TensorShape, layers: [NamedLayer], initializer: Initializer = .glorotUniform) -> NetworkDescription {
        NetworkDescription(uncheckedShape: inputShape, layers: layers, initializer: initializer)
    }

    private init(uncheckedShape: TensorShape, layers: [NamedLayer], initializer: Initializer) {
        inputShape = uncheckedShape
        self.layers = layers
        self.initializer = initializer
    }

    /// Values per input example.
    public var inputCount: Int { inputShape.count }

    /// Number of classes: the units of the last layer.
    public var classCount: Int {
        guard case .linear(let units) = layers.last?.layer else { return 0 }
        return units
    }

    /// Why the description cannot run, or `nil`.
    public var invalidityReason: String? {
        do {
            _ = try NetworkPlan.compile(self)
            return nil
        } catch {
            return error.reason
        }
    }
}

/// Why a ``NetworkDescription`` cannot run.
struct NetworkDescriptionError: Error {
    let reason: String
}

/// What estimates need of a network, from one compilation of its description.
public struct NetworkSizes: Sendable, Hashable {
    /// Trainable parameters (weights, biases, BatchNorm scales and shifts).
    public let parameterCount: Int
    /// Multiply-adds of one example's forward pass.
    public let multiplyAdds: Int
    /// The blocks whose activations make up neural codes, in network order.
    public let codeGroups: [CodeGroup]
}

extension NetworkDescription {
    /// Parameters, multiply-adds and code groups (compiles the description once).
    public var sizes: NetworkSizes {
        let plan = NetworkPlan(self)
        return NetworkSizes(parameterCount: plan.layout.parameterCount, multiplyAdds: plan.multiplyAdds, codeGroups: plan.codeGroups)
    }

    /// Trainable parameters (weights, biases, BatchNorm scales and shifts).
    public var parameterCount: Int { sizes.parameterCount }
}
