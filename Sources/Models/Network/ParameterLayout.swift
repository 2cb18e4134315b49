/// Where each layer's parameters live in an ``MLP``'s flat parameter vector.
///
/// Parameters are stored layer after layer: for each hidden layer its weights,
/// bias, then (with BatchNorm) its scale `gamma` and shift `beta`; then the
/// output layer's weights and bias. Weights of a layer with `inputCount` inputs
/// and `outputCount` units are an `inputCount x outputCount` row-major matrix
/// (`W[i, j]` connects input `i` to unit `j`, so a batch's pre-activations are
/// `X * W + b`). Gradients and optimiser moments use the same layout.
public struct ParameterLayout: Sendable, Hashable {
    /// The parameter ranges of one Linear layer (and its BatchNorm).
    public struct Layer: Sendable, Hashable {
        /// Inputs to the layer.
        public let inputCount: Int
        /// Units of the layer.
        public let outputCount: Int
        /// The `inputCount x outputCount` weight matrix.
        public let weights: Range<Int>
        /// One bias per unit.
        public let bias: Range<Int>
        /// BatchNorm scale `gamma` per unit, if the layer has BatchNorm.
        public let scale: Range<Int>?
        /// BatchNorm shift `beta` per unit, if the layer has BatchNorm.
        public let shift: Range<Int>?
        /// The unit range of this layer in the running-statistics vectors (hidden BatchNorm layers).
        public let statistics: Range<Int>?

        /// All of the layer's parameters (weights, bias, and BatchNorm's scale and shift), which are contiguous.
        public var parameters: Range<Int> { weights.lowerBound..<(shift ?? bias).upperBound }
    }

    /// The hidden layers, first to last.
    public let hidden: [Layer]
    /// The output layer.
    public let output: Layer
    /// Total number of parameters.
    public let parameterCount: Int
    /// Length of the running mean and running variance vectors (0 without BatchNorm).
    public let statisticsCount: Int

    /// The layout of a network with this configuration.
    public init(_ configuration: MLPConfiguration) {
        var offset = 0
        var statisticsOffset = 0
        func take(_ count: Int) -> Range<Int> {
            defer { offset += count }
            return offset..<(offset + count)
        }
        var hidden: [Layer] = []
        var fanIn = configuration.inputCount
        let normalised = configuration.batchNorm != nil
        for width in configuration.widths {
            let weights = take(fanIn * width)
            let bias = take(width)
            let scale = normalised ? take(width) : nil
            let shift = normalised ? take(width) : nil
            var statistics: Range<Int>? = nil
            if normalised {
                statistics = statisticsOffset..<(statisticsOffset + width)
                statisticsOffset += width
            }
            hidden.append(Layer(inputCount: fanIn, outputCount: width, weights: weights, bias: bias,
                                scale: scale, shift: shift, statistics: statistics))
            fanIn = width
        }
        let outputWeights = take(fanIn * configuration.classCount)
        let outputBias = take(configuration.classCount)
        self.hidden = hidden
        self.output = Layer(inputCount: fanIn, outputCount: configuration.classCount, weights: outputWeights,
                            bias: outputBias, scale: nil, shift: nil, statistics: nil)
        self.parameterCount = offset
        self.statisticsCount = statisticsOffset
    }

    /// All layers, hidden then output.
    public var layers: [Layer] { hidden + [output] }

    /// The ranges holding Linear weight matrices (what "weights only" weight decay touches).
    public var weightRanges: [Range<Int>] { layers.map(\.weights) }
}
