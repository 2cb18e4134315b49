/// The shape of a multi-layer perceptron: one family of ``Network``.
///
/// The network is `inputCount` features, then one hidden block per entry of
/// `widths` (Linear, optional BatchNorm, activation), then a Linear output
/// layer of `classCount` logits followed by softmax.
public struct MLPConfiguration: Codable, Hashable, Sendable {
    /// Number of input features.
    public var inputCount: Int
    /// Width of each hidden layer, first to last (`widths.count` is the depth).
    public var widths: [Int]
    /// Number of output classes.
    public var classCount: Int
    /// Nonlinearity of the hidden layers.
    public var activation: Activation
    /// BatchNorm after each hidden Linear layer, or `nil` for none.
    public var batchNorm: BatchNormSettings?
    /// How weights are initialised.
    public var initializer: Initializer

    /// A configuration with hidden layers of the given widths.
    public init(
        inputCount: Int, widths: [Int], classCount: Int,
        activation: Activation = .relu, batchNorm: BatchNormSettings? = nil,
        initializer: Initializer = .glorotUniform
    ) {
        self.inputCount = inputCount
        self.widths = widths
        self.classCount = classCount
        self.activation = activation
        self.batchNorm = batchNorm
        self.initializer = initializer
        if let reason = invalidityReason { preconditionFailure("MLPConfiguration: \(reason)") }
    }

    /// A configuration with `depth` hidden layers of equal `width`.
    public init(
        inputCount: Int, width: Int, depth: Int, classCount: Int,
        activation: Activation = .relu, batchNorm: BatchNormSettings? = nil,
        initializer: Initializer = .glorotUniform
    ) {
        precondition(depth > 0, "MLPConfiguration: depth must be positive")
        self.init(inputCount: inputCount, widths: Array(repeating: width, count: depth), classCount: classCount,
                  activation: activation, batchNorm: batchNorm, initializer: initializer)
    }

    /// Number of hidden layers.
    public var depth: Int { widths.count }
    /// Bits per neural code: the total number of hidden units.
    public var codeLength: Int { widths.reduce(0, +) }

    /// The layers: `hidden1` ... `hiddenN` (each Linear, then `hiddenK.bn` with BatchNorm, then
    /// `hiddenK.act`), then `output`, over vector inputs.
    public var network: NetworkDescription {
        var layers: [NamedLayer] = []
        for (index, width) in widths.enumerated() {
            let name = "hidden\(index + 1)"
            layers.append(NamedLayer(name, .linear(units: width)))
            if let batchNorm { layers.append(NamedLayer("\(name).bn", .batchNorm(batchNorm))) }
            layers.append(NamedLayer("\(name).act", .activation(activation)))
        }
        layers.append(NamedLayer("output", .linear(units: classCount)))
        return NetworkDescription(inputShape: .vector(inputCount), layers: layers, initializer: initializer)
    }
}
