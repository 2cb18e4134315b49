/// A ``ResidualBlock`` as one stage: `conv1` (3x3 at the stride, BatchNorm, ReLU), `conv2` (3x3,
/// BatchNorm), the shortcut (identity, a 1x1 projection with BatchNorm, or option A's
/// subsampling with zero channels), their sum, then ReLU.
///
/// The convolutions are ordinary ``ConvolutionStage``s run on buffers inside this stage's own
/// scratch (laid out by ``ResidualScratch``); `conv1`'s ReLU map sits at the start of it, where
/// its code group reads it. Backward sends the gradient behind the final ReLU both ways and
/// adds the shortcut's share onto the input gradient that `conv1` wrote.
struct ResidualStage: NetworkStage {
    let name: String
    let conv1: ConvolutionStage
    let conv2: ConvolutionStage
    /// The 1x1 convolution of a projection shortcut.
    let projection: ConvolutionStage?
    let shortcut: ResidualBlock.Shortcut

    var inputShape: TensorShape { conv1.inputShape }
    var outputShape: TensorShape { conv2.outputShape }
    var parameterRange: Range<Int> { conv1.parameterRange.lowerBound..<(projection ?? conv2).parameterRange.upperBound }
    var codeUnits: Int { conv1.codeUnits + outputShape.count }
    var multiplyAdds: Int { conv1.multiplyAdds + conv2.multiplyAdds + (projection?.multiplyAdds ?? 0) }

    /// `conv1`'s ReLU map (in the stage's scratch), then the block's output after the addition.
    func codeGroups(stage index: Int) -> [CodeGroup] {
        [CodeGroup(name: conv1.name, kind: .convolution, stage: index, units: conv1.codeUnits, shape: conv1.outputShape,
                   scratchOffset: 0),
         CodeGroup(name: name, kind: .convolution, stage: index, units: outputShape.count, shape: outputShape)]
    }

    func scratchCount(capacity: Int, training: Bool) -> Int { ResidualScratch(self, rows: capacity, training: training).count }

    func sharedScratchCount(capacity: Int) -> Int {
        [conv1, conv2, projection].compactMap { $0?.sharedScratchCount(capacity: capacity) }.max() ?? 0
    }

    func initialize(_ parameters: UnsafeMutablePointer<Float>, initializer: Initializer, random: inout RandomStream) {
        for stage in [conv1, conv2, projection].compactMap({ $0 }) {
            stage.initialize(parameters, initializer: initializer, random: &random)
        }
    }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        let rows = buffers.rows, layout = ResidualScratch(self, rows: rows, training: mode.isTraining)
        let hidden = layout.hidden(buffers), sum = layout.sum(buffers)
        conv1.forward(layout.buffers(buffers, input: buffers.input, output: hidden, scratch: layout.conv1Scratch), parameters, mode: mode)
        conv2.forward(layout.buffers(buffers, input: hidden, output: sum, scratch: layout.conv2Scratch), parameters, mode: mode)
        var added = UnsafePointer(buffers.input)
        if shortcut != .identity {
            let shortcutOutput = buffers.scratch + layout.shortcutOutput
            if let projection {
                projection.forward(layout.buffers(buffers, input: buffers.input, output: shortcutOutput,
                                                  scratch: layout.projectionScratch), parameters, mode: mode)
            } else {
                ZeroPadShortcut(from: inputShape, to: outputShape).forward(buffers.input, rows: rows, into: shortcutOutput)
            }
            added = UnsafePointer(shortcutOutput)
        }
        let output = buffers.output
        for index in 0..<(rows * outputShape.count) {
            let value = sum[index] + added[index]
            output[index] = value > 0 ? value : 0
        }
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        let rows = buffers.rows, count = rows * outputShape.count
        let layout = ResidualScratch(self, rows: rows, training: true)
        let hidden = layout.hidden(buffers), sum = layout.sum(buffers), output = buffers.output
        for index in 0..<count where output[index] <= 0 { outputGradient[index] = 0 }
        // conv2's backward overwrites the gradient it is given: the shortcut gets its own copy.
        let shortcutGradient = buffers.scratch + layout.shortcutGradient
        shortcutGradient.update(from: outputGradient, count: count)
        let hiddenGradient = buffers.scratch + layout.hiddenGradient
        conv2.backward(layout.buffers(buffers, input: hidden, output: sum, scratch: layout.conv2Scratch),
                       outputGradient: outputGradient, inputGradient: hiddenGradient, parameters)
        conv1.backward(layout.buffers(buffers, input: buffers.input, output: hidden, scratch: layout.conv1Scratch),
                       outputGradient: hiddenGradient, inputGradient: inputGradient, parameters)
        switch shortcut {
        case .identity:
            guard let inputGradient else { return }
            for index in 0..<count { inputGradient[index] += shortcutGradient[index] }
        case .projection:
            guard let projection else { preconditionFailure("ResidualStage: a projection shortcut without its convolution") }
            let projected = inputGradient == nil ? nil : buffers.scratch + layout.projectionInputGradient
            projection.backward(layout.buffers(buffers, input: buffers.input, output: buffers.scratch + layout.shortcutOutput,
                                               scratch: layout.projectionScratch),
                                outputGradient: shortcutGradient, inputGradient: projected, parameters)
            guard let inputGradient, let projected else { return }
            for index in 0..<(rows * inputShape.count) { inputGradient[index] += projected[index] }
        case .zeroPad:
            guard let inputGradient else { return }
            ZeroPadShortcut(from: inputShape, to: outputShape).accumulateBackward(shortcutGradient, rows: rows, into: inputGradient)
        }
    }
}

/// Offsets of a ``ResidualStage``'s buffers inside its scratch for a call over `rows` examples
/// (forward and backward of one batch lay it out alike; fewer rows need less).
struct ResidualScratch {
    /// `conv1`'s output (its ReLU map): first, where the code group reads it.
    let hiddenOffset = 0
    /// `conv2`'s output, before the addition.
    let sumOffset: Int
    /// The shortcut's output (projection or option A; -1 for the identity).
    let shortcutOutput: Int
    let conv1Scratch: Int
    let conv2Scratch: Int
    let projectionScratch: Int
    /// Training only: the gradient of `conv1`'s output, the shortcut's copy of the output
    /// gradient, and the projection's input gradient.
    let hiddenGradient: Int
    let shortcutGradient: Int
    let projectionInputGradient: Int
    /// Floats in all.
    let count: Int

    init(_ stage: ResidualStage, rows: Int, training: Bool) {
        var offset = 0
        func take(_ count: Int) -> Int {
            defer { offset += count }
            return offset
        }
        let outputCount = rows * stage.outputShape.count
        _ = take(rows * stage.conv1.outputShape.count)
        sumOffset = take(outputCount)
        shortcutOutput = stage.shortcut == .identity ? -1 : take(outputCount)
        conv1Scratch = take(stage.conv1.scratchCount(capacity: rows, training: training))
        conv2Scratch = take(stage.conv2.scratchCount(capacity: rows, training: training))
        projectionScratch = take(stage.projection?.scratchCount(capacity: rows, training: training) ?? 0)
        hiddenGradient = training ? take(rows * stage.conv1.outputShape.count) : -1
        shortcutGradient = training ? take(outputCount) : -1
        projectionInputGradient = training && stage.projection != nil ? take(rows * stage.inputShape.count) : -1
        count = offset
    }

    func hidden(_ buffers: StageBuffers) -> UnsafeMutablePointer<Float> { buffers.scratch + hiddenOffset }
    func sum(_ buffers: StageBuffers) -> UnsafeMutablePointer<Float> { buffers.scratch + sumOffset }

    /// The buffers of one inner convolution.
    func buffers(_ outer: StageBuffers, input: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
                 scratch offset: Int) -> StageBuffers {
        StageBuffers(rows: outer.rows, input: input, output: output, scratch: outer.scratch + offset, shared: outer.shared)
    }
}
