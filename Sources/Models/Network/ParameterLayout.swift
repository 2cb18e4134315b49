/// Where each block's parameters live in a ``Network``'s flat parameter vector.
///
/// Parameters are stored block after block (a block is a Linear or convolution layer with its
/// BatchNorm): its weights, bias, then (with BatchNorm) its scale `gamma` and shift `beta`.
/// Weights of a block with `inputCount` inputs and `outputCount` units are an
/// `inputCount x outputCount` row-major matrix (`W[i, j]` connects input `i` to unit `j`, so
/// pre-activations are `X * W + b`; for a convolution `inputCount` is the patch size, see
/// ``ConvolutionShape``). Gradients and optimiser moments use the same layout; an MLP's layout
/// is the one hashsweep has always used, so its checkpoints keep their meaning.
public struct ParameterLayout: Sendable, Hashable {
    /// The parameter ranges of one block.
    public struct Layer: Sendable, Hashable {
        /// Inputs to each unit (the patch size of a convolution).
        public let inputCount: Int
        /// Units (output channels of a convolution).
        public let outputCount: Int
        /// The `inputCount x outputCount` weight matrix.
        public let weights: Range<Int>
        /// One bias per unit.
        public let bias: Range<Int>
        /// BatchNorm scale `gamma` per unit, if the block has BatchNorm.
        public let scale: Range<Int>?
        /// BatchNorm shift `beta` per unit, if the block has BatchNorm.
        public let shift: Range<Int>?
        /// The block's units in the running-statistics vectors (blocks with BatchNorm).
        public let statistics: Range<Int>?

        /// All of the block's parameters, which are contiguous.
        public var parameters: Range<Int> { weights.lowerBound..<(shift ?? bias).upperBound }
    }

    /// The blocks, first to last (the last is the output layer).
    public let layers: [Layer]
    /// Total number of parameters.
    public let parameterCount: Int
    /// Length of the running mean and running variance vectors (0 without BatchNorm).
    public let statisticsCount: Int

    /// Lays out blocks of the given fan-in, units and BatchNorm flag, in order.
    init(blocks: [(inputCount: Int, outputCount: Int, batchNorm: Bool)]) {
        var offset = 0, statisticsOffset = 0
        func take(_ count: Int) -> Range<Int> {
            defer { offset += count }
            return offset..<(offset + count)
        }
        var layers: [Layer] = []
        for block in blocks {
            let weights = take(block.inputCount * block.outputCount), bias = take(block.outputCount)
            let scale = block.batchNorm ? take(block.outputCount) : nil
            let shift = block.batchNorm ? take(block.outputCount) : nil
            var statistics: Range<Int>? = nil
            if block.batchNorm {
                statistics = statisticsOffset..<(statisticsOffset + block.outputCount)
                statisticsOffset += block.outputCount
            }
            layers.append(Layer(inputCount: block.inputCount, outputCount: block.outputCount, weights: weights, bias: bias,
                                scale: scale, shift: shift, statistics: statistics))
        }
        self.layers = layers
        parameterCount = offset
        statisticsCount = statisticsOffset
    }

    /// The layout of an MLP with this configuration.
    public init(_ configuration: MLPConfiguration) {
        self = NetworkPlan(configuration.network).layout
    }

    /// The blocks before the output layer.
    public var hidden: ArraySlice<Layer> { layers.dropLast() }
    /// The output layer.
    public var output: Layer { layers[layers.count - 1] }

    /// The ranges holding weight matrices (what "weights only" weight decay touches).
    public var weightRanges: [Range<Int>] { layers.map(\.weights) }
}
