/// A residual block's convolutions before layout: `NAME.conv1`, `NAME.conv2` and, for a
/// projection, `NAME.shortcut`, each a block of the parameter layout in that order.
struct ResidualParts {
    let name: String
    let block: ResidualBlock
    let blocks: [BlockParts]
    let outputShape: TensorShape

    init(name: String, block: ResidualBlock, inputShape: TensorShape) throws(NetworkDescriptionError) {
        if let reason = block.invalidityReason(inputShape: inputShape) ?? block.batchNorm.invalidityReason {
            throw NetworkDescriptionError(reason: "\(name): \(reason)")
        }
        self.name = name
        self.block = block
        var conv1 = BlockParts(name: "\(name).conv1", layer: .convolution3x3(channels: block.channels, stride: block.stride),
                               inputShape: inputShape)
        conv1.batchNorm = block.batchNorm
        conv1.activation = .relu
        let (_, hiddenShape) = try conv1.geometry()
        var conv2 = BlockParts(name: "\(name).conv2", layer: .convolution3x3(channels: block.channels), inputShape: hiddenShape)
        conv2.batchNorm = block.batchNorm
        var blocks = [conv1, conv2]
        if block.shortcut == .projection {
            var projection = BlockParts(name: "\(name).shortcut",
                                        layer: .convolution(channels: block.channels, kernel: 1, stride: block.stride, padding: 0),
                                        inputShape: inputShape)
            projection.batchNorm = block.batchNorm
            blocks.append(projection)
        }
        self.blocks = blocks
        outputShape = try conv2.geometry().1
    }

    /// The stage over the blocks' laid-out parameters (`layers` in ``blocks`` order).
    func stage(layers: [ParameterLayout.Layer]) -> ResidualStage {
        precondition(layers.count == blocks.count, "ResidualParts: \(blocks.count) blocks, \(layers.count) layouts")
        return ResidualStage(name: name, conv1: blocks[0].convolutionStage(layer: layers[0]),
                             conv2: blocks[1].convolutionStage(layer: layers[1]),
                             projection: blocks.count > 2 ? blocks[2].convolutionStage(layer: layers[2]) : nil,
                             shortcut: block.shortcut)
    }
}
