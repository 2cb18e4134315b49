/// The im2col packing that turns a convolution over a batch into one matrix product, channel-last:
/// row `(n, y, x)` of the `(examples x positions) x patchSize` matrix holds the input patch under
/// output pixel `(y, x)` of example `n`, column `(i k + j) inputChannels + c` its tap `(i, j)` of
/// channel `c` (zeros where the kernel overhangs the padding). A tap's channels are adjacent in
/// both the input and the row, so packing copies runs of `inputChannels` floats.
enum ConvolutionColumns {
    /// Packs `examples` HWC inputs into `columns`.
    static func pack(_ input: UnsafePointer<Float>, examples: Int, shape: ConvolutionShape,
                     into columns: UnsafeMutablePointer<Float>) {
        let channels = shape.inputChannels, k = shape.kernel
        var row = columns
        for example in 0..<examples {
            let image = input + example * shape.inputCount
            for y in 0..<shape.outputHeight {
                for x in 0..<shape.outputWidth {
                    for i in 0..<k {
                        let sourceY = y * shape.stride - shape.padding + i
                        for j in 0..<k {
                            let sourceX = x * shape.stride - shape.padding + j
                            let target = row + (i * k + j) * channels
                            if sourceY >= 0 && sourceY < shape.height && sourceX >= 0 && sourceX < shape.width {
                                target.update(from: image + (sourceY * shape.width + sourceX) * channels, count: channels)
                            } else {
                                target.update(repeating: 0, count: channels)
                            }
                        }
                    }
                    row += shape.patchSize
                }
            }
        }
    }

    /// Adds `columns` back onto the HWC `gradient` of the inputs they were packed from (col2im):
    /// every tap's value goes to the input pixel it was read from.
    static func accumulate(_ columns: UnsafePointer<Float>, examples: Int, shape: ConvolutionShape,
                           into gradient: UnsafeMutablePointer<Float>) {
        let channels = shape.inputChannels, k = shape.kernel
        var row = columns
        for example in 0..<examples {
            let image = gradient + example * shape.inputCount
            for y in 0..<shape.outputHeight {
                for x in 0..<shape.outputWidth {
                    for i in 0..<k {
                        let targetY = y * shape.stride - shape.padding + i
                        guard targetY >= 0 && targetY < shape.height else { continue }
                        for j in 0..<k {
                            let targetX = x * shape.stride - shape.padding + j
                            guard targetX >= 0 && targetX < shape.width else { continue }
                            let source = row + (i * k + j) * channels
                            let target = image + (targetY * shape.width + targetX) * channels
                            for c in 0..<channels { target[c] += source[c] }
                        }
                    }
                    row += shape.patchSize
                }
            }
        }
    }
}
