import Foundation

/// Resampling of one HWC image under a shift, a mirror and a rotation about its centre, with
/// bilinear interpolation and zeros outside the frame (what torchvision's `RandomAffine` and
/// `RandomHorizontalFlip` do, up to interpolation details).
enum ImageWarp {
    /// Writes into `target` the image `source` rotated by `angle` radians about its centre,
    /// mirrored left-right when `mirrored`, then moved by (`shiftY`, `shiftX`) pixels.
    static func resample(_ source: UnsafePointer<Float>, shape: TensorShape, into target: UnsafeMutablePointer<Float>,
                         shiftY: Int, shiftX: Int, mirrored: Bool, angle: Float) {
        let (height, width, channels) = (shape.height, shape.width, shape.channels)
        let centreY = Float(height - 1) / 2, centreX = Float(width - 1) / 2
        let cosine = Float(cos(Double(angle))), sine = Float(sin(Double(angle)))
        for y in 0..<height {
            for x in 0..<width {
                let output = target + (y * width + x) * channels
                // Invert the map: undo the shift, then the rotation, then the mirror.
                let uy = Float(y - shiftY) - centreY, ux = Float(x - shiftX) - centreX
                let sy = cosine * uy - sine * ux + centreY
                var sx = sine * uy + cosine * ux + centreX
                if mirrored { sx = Float(width - 1) - sx }
                if angle == 0 {
                    // Whole-pixel moves: copy, no interpolation.
                    let iy = Int(sy.rounded()), ix = Int(sx.rounded())
                    if iy >= 0 && iy < height && ix >= 0 && ix < width {
                        output.update(from: source + (iy * width + ix) * channels, count: channels)
                    } else {
                        output.update(repeating: 0, count: channels)
                    }
                    continue
                }
                bilinear(source, shape: shape, y: sy, x: sx, into: output)
            }
        }
    }

    private static func bilinear(_ source: UnsafePointer<Float>, shape: TensorShape, y: Float, x: Float,
                                 into output: UnsafeMutablePointer<Float>) {
        let y0 = Int(y.rounded(.down)), x0 = Int(x.rounded(.down))
        let fy = y - Float(y0), fx = x - Float(x0)
        output.update(repeating: 0, count: shape.channels)
        add(source, shape: shape, y0, x0, (1 - fy) * (1 - fx), into: output)
        add(source, shape: shape, y0, x0 + 1, (1 - fy) * fx, into: output)
        add(source, shape: shape, y0 + 1, x0, fy * (1 - fx), into: output)
        add(source, shape: shape, y0 + 1, x0 + 1, fy * fx, into: output)
    }

    @inline(__always)
    private static func add(_ source: UnsafePointer<Float>, shape: TensorShape, _ py: Int, _ px: Int, _ weight: Float,
                            into output: UnsafeMutablePointer<Float>) {
        guard weight > 0, py >= 0, py < shape.height, px >= 0, px < shape.width else { return }
        let pixel = source + (py * shape.width + px) * shape.channels
        for c in 0..<shape.channels { output[c] += weight * pixel[c] }
    }
}
