/// Inverted dropout: in training each value is kept with probability `1 - rate` and scaled by
/// `1 / (1 - rate)`, else zeroed, the mask drawn from the pass's dropout stream in row-major
/// order; in evaluation the identity.
struct DropoutStage: NetworkStage {
    let name: String
    let inputShape: TensorShape
    let rate: Float

    var outputShape: TensorShape { inputShape }

    /// The mask (0 or the scale per value) of the last training batch.
    func scratchCount(capacity: Int, training: Bool) -> Int { training ? capacity * inputShape.count : 0 }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        let count = buffers.rows * inputShape.count
        guard case .training(let random) = mode, rate > 0 else {
            buffers.output.update(from: buffers.input, count: count)
            return
        }
        let keep = 1 / (1 - rate), mask = buffers.scratch
        for index in 0..<count {
            mask[index] = random.pointee.nextUnitFloat() < rate ? 0 : keep
            buffers.output[index] = buffers.input[index] * mask[index]
        }
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        guard let inputGradient else { return }
        let count = buffers.rows * inputShape.count
        guard rate > 0 else {
            inputGradient.update(from: outputGradient, count: count)
            return
        }
        for index in 0..<count { inputGradient[index] = outputGradient[index] * buffers.scratch[index] }
    }
}
