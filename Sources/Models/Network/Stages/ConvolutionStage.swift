/// A 2-D convolution with its BatchNorm and activation, as one matrix product over the whole
/// batch: the im2col packing (``ConvolutionColumns``) of every output pixel of every example
/// is a row, so `z = columns W` is `(rows x pixels) x channels`, already channel-last.
///
/// The packing lives in the network's shared scratch: backward packs the input again rather
/// than keeping every layer's columns (packing costs a small fraction of the products), then
/// reuses the same memory for the columns' gradient before adding it back onto the input (col2im).
struct ConvolutionStage: NetworkStage {
    let name: String
    let geometry: ConvolutionShape
    let block: AffineBlock

    var inputShape: TensorShape { TensorShape(channels: geometry.inputChannels, height: geometry.height, width: geometry.width) }
    var outputShape: TensorShape {
        TensorShape(channels: geometry.outputChannels, height: geometry.outputHeight, width: geometry.outputWidth)
    }
    var parameterRange: Range<Int> { block.layer.parameters }
    var codeUnits: Int { block.activation == nil ? 0 : outputShape.count }
    var multiplyAdds: Int { geometry.positions * geometry.patchSize * geometry.outputChannels }

    func codeGroups(stage index: Int) -> [CodeGroup] {
        codeUnits == 0 ? [] : [CodeGroup(name: name, kind: .convolution, stage: index, units: codeUnits, shape: outputShape)]
    }

    func scratchCount(capacity: Int, training: Bool) -> Int {
        block.scratchCount(rows: capacity * geometry.positions, training: training)
    }

    func sharedScratchCount(capacity: Int) -> Int { capacity * geometry.positions * geometry.patchSize }

    func initialize(_ parameters: UnsafeMutablePointer<Float>, initializer: Initializer, random: inout RandomStream) {
        let taps = geometry.kernel * geometry.kernel
        let limit = initializer.limit(fanIn: geometry.inputChannels * taps, fanOut: geometry.outputChannels * taps)
        block.initialize(parameters, limit: limit, random: &random)
    }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        ConvolutionColumns.pack(buffers.input, examples: buffers.rows, shape: geometry, into: buffers.shared)
        block.forward(rows: buffers.rows * geometry.positions, input: buffers.shared, output: buffers.output,
                      scratch: buffers.scratch, parameters, training: mode.isTraining)
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        let rows = buffers.rows * geometry.positions
        ConvolutionColumns.pack(buffers.input, examples: buffers.rows, shape: geometry, into: buffers.shared)
        block.backward(rows: rows, input: buffers.shared, output: buffers.output, scratch: buffers.scratch,
                       gradient: outputGradient, inputGradient: inputGradient == nil ? nil : buffers.shared, parameters)
        guard let inputGradient else { return }
        inputGradient.update(repeating: 0, count: buffers.rows * geometry.inputCount)
        ConvolutionColumns.accumulate(buffers.shared, examples: buffers.rows, shape: geometry, into: inputGradient)
    }
}
