/// A 2-D convolution with its BatchNorm and activation, as one matrix product over the whole
/// batch: the im2col packing (``ConvolutionColumns``) of every output pixel of every example
/// is a row, so `z = columns W` is `(rows x pixels) x channels`, already channel-last.
///
/// The packing lives in the network's shared scratch: backward packs the input again rather
/// than keeping every layer's columns (packing costs a small fraction of the products), then
/// reuses the same memory for the columns' gradient before adding it back onto the input (col2im).
/// Examples are packed and multiplied a few at a time (``chunkExamples``), so that the columns
/// stay in cache between the packing, OpenBLAS' own copy and the product; BatchNorm and the
/// activation then run over the whole batch.
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

    func sharedScratchCount(capacity: Int) -> Int { min(capacity, chunkExamples) * geometry.positions * geometry.patchSize }

    /// Floats of im2col columns a chunk aims at: half of a 1 MiB L2 cache.
    static let chunkFloats = 131_072

    /// Examples packed and multiplied together: as many as fit ``chunkFloats``, at least one.
    var chunkExamples: Int { max(1, Self.chunkFloats / (geometry.positions * geometry.patchSize)) }

    /// Calls `body(first, count)` for consecutive chunks of the batch's `rows` examples.
    private func forEachChunk(_ rows: Int, _ body: (Int, Int) -> Void) {
        let chunk = chunkExamples
        for first in stride(from: 0, to: rows, by: chunk) { body(first, min(chunk, rows - first)) }
    }

    func initialize(_ parameters: UnsafeMutablePointer<Float>, initializer: Initializer, random: inout RandomStream) {
        let taps = geometry.kernel * geometry.kernel
        let limit = initializer.limit(fanIn: geometry.inputChannels * taps, fanOut: geometry.outputChannels * taps)
        block.initialize(parameters, limit: limit, random: &random)
    }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        let positions = geometry.positions, units = geometry.outputChannels
        let z = block.productDestination(rows: buffers.rows * positions, output: buffers.output, scratch: buffers.scratch,
                                         training: mode.isTraining)
        let weights = parameters.values + block.layer.weights.lowerBound
        forEachChunk(buffers.rows) { first, count in
            ConvolutionColumns.pack(buffers.input + first * geometry.inputCount, examples: count, shape: geometry, into: buffers.shared)
            BLAS.gemm(rows: count * positions, columns: units, inner: geometry.patchSize, buffers.shared, weights,
                      into: z + first * positions * units)
        }
        block.finishForward(rows: buffers.rows * positions, output: buffers.output, scratch: buffers.scratch,
                            parameters, training: mode.isTraining)
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        let positions = geometry.positions, units = geometry.outputChannels, patch = geometry.patchSize
        let gradients = block.backwardToProduct(rows: buffers.rows * positions, output: buffers.output, scratch: buffers.scratch,
                                                gradient: outputGradient, parameters)
        let weights = parameters.values + block.layer.weights.lowerBound
        let weightGradient = gradients + block.layer.weights.lowerBound
        forEachChunk(buffers.rows) { first, count in
            let rows = count * positions, dz = outputGradient + first * positions * units
            ConvolutionColumns.pack(buffers.input + first * geometry.inputCount, examples: count, shape: geometry, into: buffers.shared)
            BLAS.gemm(rows: patch, columns: units, inner: rows, buffers.shared, transposeA: true, dz,
                      into: weightGradient, beta: first == 0 ? 0 : 1)
            guard let inputGradient else { return }
            BLAS.gemm(rows: rows, columns: patch, inner: units, dz, weights, transposeB: true, into: buffers.shared)
            let target = inputGradient + first * geometry.inputCount
            target.update(repeating: 0, count: count * geometry.inputCount)
            ConvolutionColumns.accumulate(buffers.shared, examples: count, shape: geometry, into: target)
        }
    }
}
