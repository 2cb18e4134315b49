/// Zero padding of `amount` pixels on every side of a channel-last map (e.g. 28x28 MNIST to the
/// 32x32 a VGG's five poolings need).
struct ZeroPadStage: NetworkStage {
    let name: String
    let inputShape: TensorShape
    let amount: Int

    var outputShape: TensorShape {
        TensorShape(channels: inputShape.channels, height: inputShape.height + 2 * amount, width: inputShape.width + 2 * amount)
    }

    /// Calls `body(offset in the input, offset in the padded output, floats)` for each input row of one example.
    private func forEachRow(_ body: (Int, Int, Int) -> Void) {
        let c = inputShape.channels, rowLength = inputShape.width * c, paddedRow = outputShape.width * c
        for y in 0..<inputShape.height {
            body(y * rowLength, (y + amount) * paddedRow + amount * c, rowLength)
        }
    }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        buffers.output.update(repeating: 0, count: buffers.rows * outputShape.count)
        for example in 0..<buffers.rows {
            let input = buffers.input + example * inputShape.count, output = buffers.output + example * outputShape.count
            forEachRow { source, target, count in (output + target).update(from: input + source, count: count) }
        }
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        guard let inputGradient else { return }
        for example in 0..<buffers.rows {
            let gradient = outputGradient + example * outputShape.count, target = inputGradient + example * inputShape.count
            forEachRow { source, padded, count in (target + source).update(from: gradient + padded, count: count) }
        }
    }
}
