/// 2x2 max pooling with stride 2 over batches of CHW examples (odd trailing rows and columns are
/// dropped, as in the reference frameworks). The gradient goes to the one input that gave each
/// maximum; of tied inputs, the first in row-major order within the window takes it.
public final class MaxPooling2D {
    public let channels: Int
    public let height: Int
    public let width: Int
    /// For each output of the last forward batch, the index of its maximum in the batch input.
    private var winners: [Int] = []
    private var lastBatch = 0

    /// A pooling layer over `channels x height x width` inputs, at least 2x2.
    public init(channels: Int, height: Int, width: Int) {
        precondition(channels > 0 && height >= 2 && width >= 2, "MaxPooling2D: needs at least one 2x2 window")
        self.channels = channels
        self.height = height
        self.width = width
    }

    public var outputHeight: Int { height / 2 }
    public var outputWidth: Int { width / 2 }
    /// Values of one output example.
    public var outputCount: Int { channels * outputHeight * outputWidth }

    /// The window maxima (`batch x outputCount`) of `input` (`batch x channels x height x width`).
    public func forward(_ input: [Float], batch: Int) -> [Float] {
        precondition(input.count == batch * channels * height * width, "MaxPooling2D: input of \(batch) examples expected")
        lastBatch = batch
        winners = Array(repeating: 0, count: batch * outputCount)
        var output = [Float](repeating: 0, count: batch * outputCount)
        var out = 0
        for plane in 0..<(batch * channels) {
            let base = plane * height * width
            for y in 0..<outputHeight {
                for x in 0..<outputWidth {
                    let first = base + 2 * y * width + 2 * x
                    var best = first
                    for candidate in [first + 1, first + width, first + width + 1] where input[candidate] > input[best] {
                        best = candidate
                    }
                    winners[out] = best
                    output[out] = input[best]
                    out += 1
                }
            }
        }
        return output
    }

    /// The gradient in the inputs of the last ``forward(_:batch:)`` given the one in its outputs.
    public func backward(_ outputGradient: [Float], batch: Int) -> [Float] {
        precondition(batch == lastBatch && outputGradient.count == batch * outputCount,
                     "MaxPooling2D: backward needs the gradient of the last forward batch")
        var inputGradient = [Float](repeating: 0, count: batch * channels * height * width)
        for (out, winner) in winners.enumerated() { inputGradient[winner] += outputGradient[out] }
        return inputGradient
    }
}
