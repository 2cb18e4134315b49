/// A network's parameters and BatchNorm running statistics, over a ``NetworkDescription``.
///
/// A value type: copies are independent networks. Training happens in ``Trainer``; evaluation
/// and neural codes are in `Network+Evaluation.swift` and `Network+Codes.swift`. See
/// ``ParameterLayout`` for where each weight lives. Families build descriptions:
/// ``MLPConfiguration/network``, ``VGGConfiguration/network(inputShape:classCount:)``.
public struct Network: Sendable, Equatable {
    /// The layers.
    public let description: NetworkDescription
    /// The compiled stages.
    let plan: NetworkPlan
    /// All trainable parameters, in ``layout``'s order.
    public internal(set) var parameters: [Float]
    /// BatchNorm running means, block after block (empty without BatchNorm).
    public internal(set) var runningMean: [Float]
    /// BatchNorm running (biased) variances, same layout as ``runningMean``.
    public internal(set) var runningVariance: [Float]

    /// Where each block's parameters sit in ``parameters``.
    public var layout: ParameterLayout { plan.layout }

    /// A freshly initialised network, drawing weights from the seed's initialisation stream.
    public init(description: NetworkDescription, seed: UInt64) {
        var random = RandomStream(seed: seed, purpose: .initialization)
        self.init(description: description, random: &random)
    }

    /// A freshly initialised network drawing its weights from `random`.
    ///
    /// Weights are drawn block by block in row-major order, uniformly in
    /// `±initializer.limit(fanIn, fanOut)` (a convolution's fans count its kernel taps); biases
    /// and BatchNorm shifts start at 0, BatchNorm scales and running variances at 1, running means at 0.
    public init(description: NetworkDescription, random: inout RandomStream) {
        let plan = NetworkPlan(description)
        var parameters = [Float](repeating: 0, count: plan.layout.parameterCount)
        parameters.withUnsafeMutableBufferPointer { values in
            for stage in plan.stages {
                stage.initialize(values.baseAddress!, initializer: description.initializer, random: &random)
            }
        }
        self.description = description
        self.plan = plan
        self.parameters = parameters
        runningMean = [Float](repeating: 0, count: plan.layout.statisticsCount)
        runningVariance = [Float](repeating: 1, count: plan.layout.statisticsCount)
    }

    /// A network with the given parameter and statistics vectors (as stored in a checkpoint).
    public init(description: NetworkDescription, parameters: [Float], runningMean: [Float], runningVariance: [Float]) {
        let plan = NetworkPlan(description)
        precondition(parameters.count == plan.layout.parameterCount,
                     "Network: \(parameters.count) parameters, the description needs \(plan.layout.parameterCount)")
        precondition(runningMean.count == plan.layout.statisticsCount && runningVariance.count == plan.layout.statisticsCount,
                     "Network: running statistics must have \(plan.layout.statisticsCount) entries")
        self.description = description
        self.plan = plan
        self.parameters = parameters
        self.runningMean = runningMean
        self.runningVariance = runningVariance
    }

    /// A freshly initialised MLP.
    public init(configuration: MLPConfiguration, seed: UInt64) {
        self.init(description: configuration.network, seed: seed)
    }

    public static func == (lhs: Network, rhs: Network) -> Bool {
        lhs.description == rhs.description && lhs.parameters == rhs.parameters
            && lhs.runningMean == rhs.runningMean && lhs.runningVariance == rhs.runningVariance
    }

    /// Number of blocks (Linear and convolution layers), the output layer last.
    public var layerCount: Int { layout.layers.count }
    /// Bits of a full neural code: the units behind every activation.
    public var codeLength: Int { plan.codeGroups.reduce(0) { $0 + $1.units } }
    /// The blocks whose activations make up neural codes, in order.
    public var codeGroups: [CodeGroup] { plan.codeGroups }
    /// Multiply-adds of one example's forward pass.
    public var multiplyAdds: Int { plan.multiplyAdds }

    /// Block `index` (the output layer is the last).
    func layer(_ index: Int) -> ParameterLayout.Layer {
        precondition(index >= 0 && index < layerCount, "Network: layer \(index) out of 0..<\(layerCount)")
        return layout.layers[index]
    }

    /// The weight matrix (`inputCount x outputCount`) of block `index`.
    public func weights(layer index: Int) -> Matrix {
        let layer = layer(index)
        return Matrix(rows: layer.inputCount, columns: layer.outputCount, storage: Array(parameters[layer.weights]))
    }

    /// The bias vector of block `index`.
    public func bias(layer index: Int) -> [Float] {
        Array(parameters[layer(index).bias])
    }

    /// Replaces the weights of block `index` (e.g. to build a network by hand).
    public mutating func setWeights(_ weights: Matrix, layer index: Int) {
        let layer = layer(index)
        precondition(weights.rows == layer.inputCount && weights.columns == layer.outputCount,
                     "Network: layer \(index) weights are \(layer.inputCount)x\(layer.outputCount), got \(weights.rows)x\(weights.columns)")
        parameters.replaceSubrange(layer.weights, with: weights.storage)
    }

    /// Replaces the bias of block `index`.
    public mutating func setBias(_ bias: [Float], layer index: Int) {
        let layer = layer(index)
        precondition(bias.count == layer.outputCount, "Network: layer \(index) has \(layer.outputCount) biases, got \(bias.count)")
        parameters.replaceSubrange(layer.bias, with: bias)
    }

    /// Replaces the BatchNorm scale, shift and running statistics of block `index`.
    public mutating func setBatchNorm(layer index: Int, scale: [Float], shift: [Float], runningMean mean: [Float], runningVariance variance: [Float]) {
        let layer = layer(index)
        guard let scaleRange = layer.scale, let shiftRange = layer.shift, let statistics = layer.statistics else {
            preconditionFailure("Network: layer \(index) has no BatchNorm")
        }
        let width = layer.outputCount
        precondition([scale.count, shift.count, mean.count, variance.count].allSatisfy { $0 == width },
                     "Network: layer \(index) BatchNorm vectors must have \(width) entries")
        precondition(variance.allSatisfy { $0 >= 0 }, "Network: running variances must be non-negative")
        parameters.replaceSubrange(scaleRange, with: scale)
        parameters.replaceSubrange(shiftRange, with: shift)
        runningMean.replaceSubrange(statistics, with: mean)
        runningVariance.replaceSubrange(statistics, with: variance)
    }
}
