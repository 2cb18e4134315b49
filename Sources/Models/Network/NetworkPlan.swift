/// A ``NetworkDescription`` compiled for running: its stages in order (each Linear or
/// convolution block fused with its BatchNorm and activation), the parameter layout and the
/// code groups (the blocks with an activation).
struct NetworkPlan: Sendable {
    let description: NetworkDescription
    let stages: [any NetworkStage]
    let layout: ParameterLayout
    /// For every block of ``layout``, the index of its stage.
    let blockStages: [Int]
    /// The blocks whose activations make up neural codes, in network order.
    let codeGroups: [CodeGroup]

    /// The plan of a valid description.
    init(_ description: NetworkDescription) {
        do {
            self = try Self.compile(description)
        } catch {
            preconditionFailure("NetworkPlan: \(error.reason)")
        }
    }

    private init(description: NetworkDescription, stages: [any NetworkStage], layout: ParameterLayout,
                 blockStages: [Int], codeGroups: [CodeGroup]) {
        self.description = description
        self.stages = stages
        self.layout = layout
        self.blockStages = blockStages
        self.codeGroups = codeGroups
    }

    /// Multiply-adds of one example's forward pass.
    var multiplyAdds: Int { stages.reduce(0) { $0 + $1.multiplyAdds } }

    /// Compiles `description`, or says what is wrong with it.
    static func compile(_ description: NetworkDescription) throws(NetworkDescriptionError) -> NetworkPlan {
        func fail(_ reason: String) -> NetworkDescriptionError { NetworkDescriptionError(reason: reason) }
        let layers = description.layers
        guard !layers.isEmpty else { throw fail("a network needs at least one layer") }
        var names = Set<String>()
        for layer in layers where !names.insert(layer.name).inserted { throw fail("the layer name \(layer.name) is used twice") }

        var shape = description.inputShape
        var blocks: [(inputCount: Int, outputCount: Int, batchNorm: Bool)] = []
        var pending: [(index: Int, unit: PendingStage)] = []  // blocks are laid out once all are known
        var stages: [(any NetworkStage)?] = []
        var index = 0
        while index < layers.count {
            let named = layers[index]
            switch named.layer {
            case .linear, .convolution:
                var parts = BlockParts(name: named.name, layer: named.layer, inputShape: shape)
                if index + 1 < layers.count, case .batchNorm(let settings) = layers[index + 1].layer {
                    if let reason = settings.invalidityReason { throw fail("\(layers[index + 1].name): \(reason)") }
                    parts.batchNorm = settings
                    index += 1
                }
                if index + 1 < layers.count, case .activation(let activation) = layers[index + 1].layer {
                    if case .leakyReLU(let slope) = activation, !(slope.isFinite && slope >= 0) {
                        throw fail("\(layers[index + 1].name): the LeakyReLU slope \(slope) must be finite and >= 0")
                    }
                    parts.activation = activation
                    index += 1
                }
                let (inputCount, outputShape) = try parts.geometry()
                blocks.append((inputCount, outputShape.channels, parts.batchNorm != nil))
                pending.append((stages.count, .block(parts)))
                stages.append(nil)
                shape = outputShape
            case .residual(let block):
                let parts = try ResidualParts(name: named.name, block: block, inputShape: shape)
                for part in parts.blocks {
                    let (inputCount, outputShape) = try part.geometry()
                    blocks.append((inputCount, outputShape.channels, true))
                }
                pending.append((stages.count, .residual(parts)))
                stages.append(nil)
                shape = parts.outputShape
            case .batchNorm, .activation:
                throw fail("\(named.name) (\(named.layer.kindName)) must directly follow a linear or convolution layer (or its batch_norm)")
            case .maxPool:
                guard shape.height >= 2 && shape.width >= 2 else {
                    throw fail("\(named.name): max_pool needs a map of at least 2x2, the input here is \(shape)")
                }
                let stage = MaxPoolStage(name: named.name, inputShape: shape)
                stages.append(stage)
                shape = stage.outputShape
            case .globalAveragePool:
                stages.append(GlobalAveragePoolStage(name: named.name, inputShape: shape))
                shape = .vector(shape.channels)
            case .dropout(let rate):
                guard rate >= 0 && rate < 1 else { throw fail("\(named.name): the dropout rate \(rate) must lie in [0, 1)") }
                stages.append(DropoutStage(name: named.name, inputShape: shape, rate: rate))
            case .zeroPad(let amount):
                guard amount >= 0 else { throw fail("\(named.name): the padding \(amount) must be >= 0") }
                let stage = ZeroPadStage(name: named.name, inputShape: shape, amount: amount)
                stages.append(stage)
                shape = stage.outputShape
            case .flatten:
                shape = .vector(shape.count)
            }
            index += 1
        }
        guard let last = pending.last, last.index == stages.count - 1, case .block(let output) = last.unit,
              case .linear(let classes) = output.layer, output.batchNorm == nil, output.activation == nil else {
            throw fail("the last layer must be a linear layer without batch_norm or activation (the logits)")
        }
        guard classes >= 2 else { throw fail("the output layer has \(classes) units; a classifier needs at least 2") }

        let layout = ParameterLayout(blocks: blocks)
        var codeGroups: [CodeGroup] = [], blockStages: [Int] = []
        for entry in pending {
            let first = blockStages.count
            let stage: any NetworkStage
            switch entry.unit {
            case .block(let parts):
                stage = parts.stage(layer: layout.layers[first])
            case .residual(let parts):
                stage = parts.stage(layers: Array(layout.layers[first..<(first + parts.blocks.count)]))
            }
            blockStages += Array(repeating: entry.index, count: entry.unit.blockCount)
            stages[entry.index] = stage
            codeGroups += stage.codeGroups(stage: entry.index)
        }
        return NetworkPlan(description: description, stages: stages.map { $0! }, layout: layout,
                           blockStages: blockStages, codeGroups: codeGroups)
    }
}

/// A stage whose parameter blocks are laid out once all are known.
private enum PendingStage {
    case block(BlockParts)
    case residual(ResidualParts)

    var blockCount: Int {
        switch self {
        case .block: 1
        case .residual(let parts): parts.blocks.count
        }
    }
}

/// A Linear or convolution layer with the BatchNorm and activation that follow it, before layout.
struct BlockParts {
    let name: String
    let layer: Layer
    let inputShape: TensorShape
    var batchNorm: BatchNormSettings?
    var activation: Activation?

    init(name: String, layer: Layer, inputShape: TensorShape) {
        self.name = name
        self.layer = layer
        self.inputShape = inputShape
    }

    /// The fan-in of each unit and the output shape.
    func geometry() throws(NetworkDescriptionError) -> (Int, TensorShape) {
        switch layer {
        case .linear(let units):
            guard units > 0 else { throw NetworkDescriptionError(reason: "\(name): a linear layer needs at least one unit") }
            return (inputShape.count, .vector(units))
        case .convolution:
            let shape = try convolutionShape()
            return (shape.patchSize, TensorShape(channels: shape.outputChannels, height: shape.outputHeight, width: shape.outputWidth))
        default:
            preconditionFailure("BlockParts: not a block")
        }
    }

    func convolutionShape() throws(NetworkDescriptionError) -> ConvolutionShape {
        guard case .convolution(let channels, let kernel, let stride, let padding) = layer else { preconditionFailure("BlockParts: not a convolution") }
        guard channels > 0 && kernel > 0 && stride > 0 && padding >= 0 else {
            throw NetworkDescriptionError(reason: "\(name): channels, kernel and stride must be positive and the padding >= 0")
        }
        guard inputShape.height + 2 * padding >= kernel && inputShape.width + 2 * padding >= kernel else {
            throw NetworkDescriptionError(reason: "\(name): a \(kernel)x\(kernel) kernel does not fit the \(inputShape) input")
        }
        return ConvolutionShape(inputChannels: inputShape.channels, height: inputShape.height, width: inputShape.width,
                                outputChannels: channels, kernel: kernel, stride: stride, padding: padding)
    }

    func stage(layer parameters: ParameterLayout.Layer) -> any NetworkStage {
        if case .convolution = layer { return convolutionStage(layer: parameters) }
        return DenseStage(name: name, inputShape: inputShape,
                          block: AffineBlock(layer: parameters, batchNorm: batchNorm, activation: activation))
    }

    /// The stage of a convolution whose ``geometry()`` was checked.
    func convolutionStage(layer parameters: ParameterLayout.Layer) -> ConvolutionStage {
        ConvolutionStage(name: name, geometry: try! convolutionShape(),
                         block: AffineBlock(layer: parameters, batchNorm: batchNorm, activation: activation))
    }
}
