/// 2x2 max pooling with stride 2, channel-last (an odd last row or column is dropped, as in the
/// reference frameworks). The gradient goes to the input that gave each maximum; of tied
/// inputs the first in row-major order within the window takes it. Backward finds the winners
/// again from the kept input rather than storing them.
struct MaxPoolStage: NetworkStage {
    let name: String
    let inputShape: TensorShape

    var outputShape: TensorShape {
        TensorShape(channels: inputShape.channels, height: inputShape.height / 2, width: inputShape.width / 2)
    }

    /// Offsets (in floats, within one example) of the four inputs of the window at output pixel (y, x).
    @inline(__always)
    private func window(_ y: Int, _ x: Int) -> (Int, Int, Int, Int) {
        let c = inputShape.channels, rowLength = inputShape.width * c
        let topLeft = (2 * y) * rowLength + (2 * x) * c
        return (topLeft, topLeft + c, topLeft + rowLength, topLeft + rowLength + c)
    }

    func forward(_ buffers: StageBuffers, _ parameters: StageParameters, mode: PassMode) {
        let out = outputShape, c = inputShape.channels
        for example in 0..<buffers.rows {
            let input = buffers.input + example * inputShape.count
            var output = buffers.output + example * out.count
            for y in 0..<out.height {
                for x in 0..<out.width {
                    let (a, b, d, e) = window(y, x)
                    for channel in 0..<c {
                        var best = input[a + channel]
                        if input[b + channel] > best { best = input[b + channel] }
                        if input[d + channel] > best { best = input[d + channel] }
                        if input[e + channel] > best { best = input[e + channel] }
                        output[channel] = best
                    }
                    output += c
                }
            }
        }
    }

    func backward(_ buffers: StageBuffers, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, _ parameters: StageParameters) {
        guard let inputGradient else { return }
        let out = outputShape, c = inputShape.channels
        inputGradient.update(repeating: 0, count: buffers.rows * inputShape.count)
        for example in 0..<buffers.rows {
            let input = buffers.input + example * inputShape.count
            let target = inputGradient + example * inputShape.count
            var gradient = outputGradient + example * out.count
            for y in 0..<out.height {
                for x in 0..<out.width {
                    let (a, b, d, e) = window(y, x)
                    for channel in 0..<c {
                        let offsets = (a + channel, b + channel, d + channel, e + channel)
                        target[Self.winner(input, offsets).offset] += gradient[channel]
                    }
                    gradient += c
                }
            }
        }
    }

    /// The window input holding the maximum: its offset and its position (0-3, row-major); of
    /// tied inputs the first.
    @inline(__always)
    private static func winner(_ input: UnsafePointer<Float>, _ offsets: (Int, Int, Int, Int)) -> (offset: Int, position: UInt8) {
        var offset = offsets.0, position: UInt8 = 0, best = input[offsets.0]
        if input[offsets.1] > best { offset = offsets.1; position = 1; best = input[offset] }
        if input[offsets.2] > best { offset = offsets.2; position = 2; best = input[offset] }
        if input[offsets.3] > best { offset = offsets.3; position = 3 }
        return (offset, position)
    }

    /// Which input of its window (0-3, row-major) each output of `rows` examples took: what a
    /// gradient check compares to tell that a finite difference changed a window's winner.
    func winners(_ input: UnsafePointer<Float>, rows: Int) -> [UInt8] {
        let out = outputShape, c = inputShape.channels
        var result: [UInt8] = []
        result.reserveCapacity(rows * out.count)
        for example in 0..<rows {
            let image = input + example * inputShape.count
            for y in 0..<out.height {
                for x in 0..<out.width {
                    let (a, b, d, e) = window(y, x)
                    for channel in 0..<c {
                        result.append(Self.winner(image, (a + channel, b + channel, d + channel, e + channel)).position)
                    }
                }
            }
        }
        return result
    }
}
