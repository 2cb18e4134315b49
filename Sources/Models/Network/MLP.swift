/// A multi-layer perceptron's parameters and BatchNorm running statistics.
///
/// A value type: copies are independent networks. Training happens in
/// ``Trainer``; evaluation and neural codes are in `MLP+Evaluation.swift` and
/// `MLP+Codes.swift`. See ``ParameterLayout`` for where each weight lives.
public struct MLP: Sendable, Equatable {
    /// The network's shape.
    public let configuration: MLPConfiguration
    /// Where each layer's parameters sit in ``parameters``.
    public let layout: ParameterLayout
    /// All trainable parameters, in ``layout``'s order.
    public internal(set) var parameters: [Float]
    /// BatchNorm running means, hidden layer after hidden layer (empty without BatchNorm).
    public internal(set) var runningMean: [Float]
    /// BatchNorm running (biased) variances, same layout as ``runningMean``.
    public internal(set) var runningVariance: [Float]

    /// A freshly initialised network, drawing weights from the seed's initialisation stream.
    public init(configuration: MLPConfiguration, seed: UInt64) {
        var random = RandomStream(seed: seed, purpose: .initialization)
        self.init(configuration: configuration, random: &random)
    }

    /// A freshly initialised network drawing its weights from `random`.
    ///
    /// Weights are drawn layer by layer in row-major order, uniformly in
    /// `±configuration.initializer.limit`; biases and BatchNorm shifts start at
    /// 0, BatchNorm scales and running variances at 1, running means at 0.
    public init(configuration: MLPConfiguration, random: inout RandomStream) {
        let layout = ParameterLayout(configuration)
        var parameters = [Float](repeating: 0, count: layout.parameterCount)
        for layer in layout.layers {
            let limit = configuration.initializer.limit(fanIn: layer.inputCount, fanOut: layer.outputCount)
            for index in layer.weights {
                parameters[index] = (2 * random.nextUnitFloat() - 1) * limit
            }
            if let scale = layer.scale {
                for index in scale { parameters[index] = 1 }
            }
        }
        self.configuration = configuration
        self.layout = layout
        self.parameters = parameters
        self.runningMean = [Float](repeating: 0, count: layout.statisticsCount)
        self.runningVariance = [Float](repeating: 1, count: layout.statisticsCount)
    }

    /// A network with the given parameter and statistics vectors (as stored in a checkpoint).
    public init(configuration: MLPConfiguration, parameters: [Float], runningMean: [Float], runningVariance: [Float]) {
        let layout = ParameterLayout(configuration)
        precondition(parameters.count == layout.parameterCount,
                     "MLP: \(parameters.count) parameters, the configuration needs \(layout.parameterCount)")
        precondition(runningMean.count == layout.statisticsCount && runningVariance.count == layout.statisticsCount,
                     "MLP: running statistics must have \(layout.statisticsCount) entries")
        self.configuration = configuration
        self.layout = layout
        self.parameters = parameters
        self.runningMean = runningMean
        self.runningVariance = runningVariance
    }

    /// Number of hidden layers plus the output layer.
    public var layerCount: Int { layout.hidden.count + 1 }

    /// Layer `index` (`0..<depth` hidden, `depth` the output layer).
    func layer(_ index: Int) -> ParameterLayout.Layer {
        precondition(index >= 0 && index < layerCount, "MLP: layer \(index) out of 0..<\(layerCount)")
        return index < layout.hidden.count ? layout.hidden[index] : layout.output
    }

    /// The weight matrix (`inputCount x outputCount`) of layer `index` (hidden layers first, output last).
    public func weights(layer index: Int) -> Matrix {
        let layer = layer(index)
        return Matrix(rows: layer.inputCount, columns: layer.outputCount, storage: Array(parameters[layer.weights]))
    }

    /// The bias vector of layer `index`.
    public func bias(layer index: Int) -> [Float] {
        Array(parameters[layer(index).bias])
    }

    /// Replaces the weights of layer `index` (e.g. to build a network by hand).
    public mutating func setWeights(_ weights: Matrix, layer index: Int) {
        let layer = layer(index)
        precondition(weights.rows == layer.inputCount && weights.columns == layer.outputCount,
                     "MLP: layer \(index) weights are \(layer.inputCount)x\(layer.outputCount), got \(weights.rows)x\(weights.columns)")
        parameters.replaceSubrange(layer.weights, with: weights.storage)
    }

    /// Replaces the bias of layer `index`.
    public mutating func setBias(_ bias: [Float], layer index: Int) {
        let layer = layer(index)
        precondition(bias.count == layer.outputCount, "MLP: layer \(index) has \(layer.outputCount) biases, got \(bias.count)")
        parameters.replaceSubrange(layer.bias, with: bias)
    }

    /// Replaces the BatchNorm scale, shift and running statistics of hidden layer `index`.
    public mutating func setBatchNorm(layer index: Int, scale: [Float], shift: [Float], runningMean mean: [Float], runningVariance variance: [Float]) {
        let layer = layer(index)
        guard let scaleRange = layer.scale, let shiftRange = layer.shift, let statistics = layer.statistics else {
            preconditionFailure("MLP: layer \(index) has no BatchNorm")
        }
        let width = layer.outputCount
        precondition([scale.count, shift.count, mean.count, variance.count].allSatisfy { $0 == width },
                     "MLP: layer \(index) BatchNorm vectors must have \(width) entries")
        precondition(variance.allSatisfy { $0 >= 0 }, "MLP: running variances must be non-negative")
        parameters.replaceSubrange(scaleRange, with: scale)
        parameters.replaceSubrange(shiftRange, with: shift)
        runningMean.replaceSubrange(statistics, with: mean)
        runningVariance.replaceSubrange(statistics, with: variance)
    }
}
