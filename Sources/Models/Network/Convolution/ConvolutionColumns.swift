/// The im2col packing that turns a convolution over a batch into one matrix product, channel-last:
/// row `(n, y, x)` of the `(examples x positions) x patchSize` matrix holds the input patch under
/// output pixel `(y, x)` of example `n`, column `(i k + j) inputChannels + c` its tap `(i, j)` of
/// channel `c` (zeros where the kernel overhangs the padding). A tap's channels are adjacent in
/// both the input and the row, so packing copies runs of `inputChannels` floats.
enum ConvolutionColumns {
    /// Packs `examples` HWC inputs into `columns`.
    ///
    /// The `k` taps of one kernel row read `k` neighbouring pixels, whose channels are adjacent
    /// in the input as in the row: where the kernel row lies inside the image they are one copy.
    static func pack(_ input: UnsafePointer<Float>, examples: Int, shape: ConvolutionShape,
                     into columns: UnsafeMutablePointer<Float>) {
        let channels = shape.inputChannels, k = shape.kernel, run = k * channels
        var row = columns
        for example in 0..<examples {
            let image = input + example * shape.inputCount
            for y in 0..<shape.outputHeight {
                for x in 0..<shape.outputWidth {
                    let firstX = x * shape.stride - shape.padding
                    let inside = firstX >= 0 && firstX + k <= shape.width
                    for i in 0..<k {
                        let sourceY = y * shape.stride - shape.padding + i
                        let target = row + i * run
                        guard sourceY >= 0 && sourceY < shape.height else {
                            target.update(repeating: 0, count: run)
                            continue
                        }
                        let line = image + sourceY * shape.width * channels
                        if inside {
                            target.update(from: line + firstX * channels, count: run)
                            continue
                        }
                        for j in 0..<k {
                            let sourceX = firstX + j
                            if sourceX >= 0 && sourceX < shape.width {
                                (target + j * channels).update(from: line + sourceX * channels, count: channels)
                            } else {
                                (target + j * channels).update(repeating: 0, count: channels)
                            }
                        }
                    }
                    row += shape.patchSize
                }
            }
        }
    }

    /// Adds `columns` back onto the HWC `gradient` of the inputs they were packed from (col2im):
    /// every tap's value goes to the input pixel it was read from (a kernel row inside the image
    /// as one run, as in ``pack``; each input value gets its additions in the same order either way).
    static func accumulate(_ columns: UnsafePointer<Float>, examples: Int, shape: ConvolutionShape,
                           into gradient: UnsafeMutablePointer<Float>) {
        let channels = shape.inputChannels, k = shape.kernel, run = k * channels
        var row = columns
        for example in 0..<examples {
            let image = gradient + example * shape.inputCount
            for y in 0..<shape.outputHeight {
                for x in 0..<shape.outputWidth {
                    let firstX = x * shape.stride - shape.padding
                    let inside = firstX >= 0 && firstX + k <= shape.width
                    for i in 0..<k {
                        let targetY = y * shape.stride - shape.padding + i
                        guard targetY >= 0 && targetY < shape.height else { continue }
                        let source = row + i * run, line = image + targetY * shape.width * channels
                        if inside {
                            let target = line + firstX * channels
                            for c in 0..<run { target[c] += source[c] }
                            continue
                        }
                        for j in 0..<k {
                            let targetX = firstX + j
                            guard targetX >= 0 && targetX < shape.width else { continue }
                            let from = source + j * channels, target = line + targetX * channels
                            for c in 0..<channels { target[c] += from[c] }
                        }
                    }
                    row += shape.patchSize
                }
            }
        }
    }
}
