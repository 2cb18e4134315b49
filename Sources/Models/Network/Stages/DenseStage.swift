/// A Linear layer over the flattened input, with its BatchNorm and activation when the
/// description puts them right after it.
struct DenseStage: NetworkStage {
    let name: String
    let inputShape: TensorShape
    let block: AffineBlock

    var outputShape: TensorShape { .vector(block.layer.outputCount) }
    var parameterRange: Range<Int> { block.layer.parameters }
    var codeUnits: Int { block.activation == nil ? 0 : block.layer.outputCount }
    var multiplyAdds: Int { block.layer.inputCount * block.layer.outputCount }

    func codeGroups(stage index: Int) -> [CodeGroup] {
        codeUnits == 0 ? [] : [CodeGroup(name: name, kind: .fullyConnected, stage: index, units: codeUnits, shape: outputShape)]
    }

    func scratchCount(capacity: Int, training: Bool) -> Int { block.scratchCount(rows: capacity, training: training) }

    func initialize(_ parameters: UnsafeMutablePointer<Float>, initializer: Initializer, random: inout RandomStream) {
        let limit = initializer.limit(fanIn: block.layer.inputCount, fanOut: block.layer.outputCount)
        block.initialize(parameters, limit: limit, random: &random)
    }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        block.forward(rows: buffers.rows, input: buffers.input, output: buffers.output, scratch: buffers.scratch,
                      parameters, training: mode.isTraining)
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        block.backward(rows: buffers.rows, input: buffers.input, output: buffers.output, scratch: buffers.scratch,
                       gradient: outputGradient, inputGradient: inputGradient, parameters)
    }
}
