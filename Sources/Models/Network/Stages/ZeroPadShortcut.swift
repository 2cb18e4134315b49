/// Option A's shortcut of the CIFAR ResNets: every `stride`-th pixel of the input (rows and
/// columns), its `c_in` channels placed in the middle of `c_out` with zeros on both sides
/// (`(c_out - c_in) / 2` before, the rest after); it has no parameters.
struct ZeroPadShortcut {
    let input: TensorShape
    let output: TensorShape

    init(from input: TensorShape, to output: TensorShape) {
        precondition(output.channels >= input.channels, "ZeroPadShortcut: cannot drop channels")
        self.input = input
        self.output = output
    }

    private var stride: Int { input.height == output.height ? 1 : 2 }
    private var channelsBefore: Int { (output.channels - input.channels) / 2 }

    /// Calls `body(inputOffset, outputOffset)` for the first channel of every output pixel of every row.
    private func forEachPixel(rows: Int, _ body: (Int, Int) -> Void) {
        for row in 0..<rows {
            for y in 0..<output.height {
                for x in 0..<output.width {
                    let source = row * input.count + ((y * stride) * input.width + x * stride) * input.channels
                    body(source, row * output.count + (y * output.width + x) * output.channels + channelsBefore)
                }
            }
        }
    }

    /// Writes the shortcut of `rows` examples of `values` into `result`.
    func forward(_ values: UnsafePointer<Float>, rows: Int, into result: UnsafeMutablePointer<Float>) {
        result.update(repeating: 0, count: rows * output.count)
        let channels = input.channels
        forEachPixel(rows: rows) { source, target in (result + target).update(from: values + source, count: channels) }
    }

    /// Adds the shortcut's share of `gradient` (dLoss/dOutput) onto `inputGradient`.
    func accumulateBackward(_ gradient: UnsafePointer<Float>, rows: Int, into inputGradient: UnsafeMutablePointer<Float>) {
        let channels = input.channels
        forEachPixel(rows: rows) { source, target in
            for channel in 0..<channels { inputGradient[source + channel] += gradient[target + channel] }
        }
    }
}
