/// The mean of every channel over all pixels: `h x w x c` to a vector of `c`.
struct GlobalAveragePoolStage: NetworkStage {
    let name: String
    let inputShape: TensorShape

    var outputShape: TensorShape { .vector(inputShape.channels) }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        let c = inputShape.channels, positions = inputShape.positions, scale = 1 / Float(positions)
        for example in 0..<buffers.rows {
            let output = buffers.output + example * c
            Kernels.columnSums(buffers.input + example * inputShape.count, rows: positions, columns: c, into: output)
            for channel in 0..<c { output[channel] *= scale }
        }
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        guard let inputGradient else { return }
        let c = inputShape.channels, positions = inputShape.positions, scale = 1 / Float(positions)
        for example in 0..<buffers.rows {
            let gradient = outputGradient + example * c
            var target = inputGradient + example * inputShape.count
            for _ in 0..<positions {
                for channel in 0..<c { target[channel] = gradient[channel] * scale }
                target += c
            }
        }
    }
}
