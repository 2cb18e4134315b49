/// The im2col packing that turns a convolution into one matrix product: column `p` of the
/// `patchSize x positions` matrix holds the input patch under output position `p` (zeros where
/// the kernel overhangs the padding), row `c k k + i k + j` the kernel tap `(c, i, j)`.
enum ConvolutionColumns {
    /// Packs one CHW example `input` into `columns` (`shape.patchSize x shape.positions`).
    static func pack(_ input: UnsafePointer<Float>, shape: ConvolutionShape, into columns: UnsafeMutablePointer<Float>) {
        let (outH, outW, k) = (shape.outputHeight, shape.outputWidth, shape.kernel)
        var row = 0
        for channel in 0..<shape.inputChannels {
            let plane = input + channel * shape.height * shape.width
            for i in 0..<k {
                for j in 0..<k {
                    let target = columns + row * outH * outW
                    for y in 0..<outH {
                        let sourceY = y * shape.stride - shape.padding + i
                        let line = target + y * outW
                        guard sourceY >= 0 && sourceY < shape.height else {
                            line.update(repeating: 0, count: outW)
                            continue
                        }
                        for x in 0..<outW {
                            let sourceX = x * shape.stride - shape.padding + j
                            line[x] = sourceX >= 0 && sourceX < shape.width ? plane[sourceY * shape.width + sourceX] : 0
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// Adds `columns` back onto the CHW `gradient` of the input it was packed from (col2im):
    /// every tap's value goes to the input pixel it was read from.
    static func accumulate(_ columns: UnsafePointer<Float>, shape: ConvolutionShape, into gradient: UnsafeMutablePointer<Float>) {
        let (outH, outW, k) = (shape.outputHeight, shape.outputWidth, shape.kernel)
        var row = 0
        for channel in 0..<shape.inputChannels {
            let plane = gradient + channel * shape.height * shape.width
            for i in 0..<k {
                for j in 0..<k {
                    let source = columns + row * outH * outW
                    for y in 0..<outH {
                        let targetY = y * shape.stride - shape.padding + i
                        guard targetY >= 0 && targetY < shape.height else { continue }
                        for x in 0..<outW {
                            let targetX = x * shape.stride - shape.padding + j
                            if targetX >= 0 && targetX < shape.width { plane[targetY * shape.width + targetX] += source[y * outW + x] }
                        }
                    }
                    row += 1
                }
            }
        }
    }
}
