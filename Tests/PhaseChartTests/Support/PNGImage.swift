import CZlib
import Foundation

/// Just enough of a PNG decoder to check that a rendered chart is not blank: 8-bit greyscale,
/// RGB or RGBA, non-interlaced, all five scanline filters.
struct PNGImage {
    enum DecodeError: Error { case notPNG, unsupported(String), corrupt(String) }

    let width: Int, height: Int, channels: Int
    /// Unfiltered samples, row-major, `channels` per pixel.
    let samples: [UInt8]

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8] == [137, 80, 78, 71, 13, 10, 26, 10] else { throw DecodeError.notPNG }
        var offset = 8, compressed: [UInt8] = []
        var header: (width: Int, height: Int, depth: UInt8, colour: UInt8, interlace: UInt8)?
        func integer(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        while offset + 8 <= bytes.count {
            let length = integer(offset), type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let body = (offset + 8)..<(offset + 8 + length)
            guard body.upperBound + 4 <= bytes.count else { throw DecodeError.corrupt("chunk \(type) overruns the file") }
            if type == "IHDR" {
                header = (integer(body.lowerBound), integer(body.lowerBound + 4), bytes[body.lowerBound + 8],
                          bytes[body.lowerBound + 9], bytes[body.lowerBound + 12])
            } else if type == "IDAT" {
                compressed += bytes[body]
            } else if type == "IEND" { break }
            offset = body.upperBound + 4
        }
        guard let header else { throw DecodeError.corrupt("no IHDR") }
        guard header.depth == 8, header.interlace == 0 else { throw DecodeError.unsupported("depth \(header.depth), interlace \(header.interlace)") }
        let channels: Int
        switch header.colour {
        case 0: channels = 1
        case 2: channels = 3
        case 4: channels = 2
        case 6: channels = 4
        default: throw DecodeError.unsupported("colour type \(header.colour)")
        }
        let stride = header.width * channels
        var raw = [UInt8](repeating: 0, count: header.height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { output in
            compressed.withUnsafeBufferPointer { input in
                uncompress(output.baseAddress, &rawLength, input.baseAddress, uLong(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else { throw DecodeError.corrupt("inflate status \(status)") }
        var samples = [UInt8](repeating: 0, count: header.height * stride)
        for row in 0..<header.height {
            let filter = raw[row * (stride + 1)]
            for column in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + column])
                let a = column >= channels ? Int(samples[row * stride + column - channels]) : 0
                let b = row > 0 ? Int(samples[(row - 1) * stride + column]) : 0
                let c = row > 0 && column >= channels ? Int(samples[(row - 1) * stride + column - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw DecodeError.corrupt("filter \(filter)")
                }
                samples[row * stride + column] = UInt8((x + predictor) & 0xFF)
            }
        }
        (width, height, self.channels, self.samples) = (header.width, header.height, channels, samples)
    }

    /// Variance of the luminance over all pixels, with transparency composited on white.
    var luminanceVariance: Double {
        var sum = 0.0, sumSquares = 0.0
        let count = width * height
        for pixel in 0..<count {
            let base = pixel * channels
            let alpha = channels == 4 || channels == 2 ? Double(samples[base + channels - 1]) / 255 : 1
            let grey = channels >= 3
                ? 0.299 * Double(samples[base]) + 0.587 * Double(samples[base + 1]) + 0.114 * Double(samples[base + 2])
                : Double(samples[base])
            let value = alpha * grey + (1 - alpha) * 255
            sum += value
            sumSquares += value * value
        }
        let mean = sum / Double(count)
        return sumSquares / Double(count) - mean * mean
    }

    /// Number of distinct RGB colours (composited on white), up to `limit`.
    func distinctColours(limit: Int = 64) -> Int {
        var seen = Set<UInt32>()
        for pixel in 0..<(width * height) where seen.count < limit {
            let base = pixel * channels
            guard channels >= 3 else { seen.insert(UInt32(samples[base])); continue }
            seen.insert(UInt32(samples[base]) << 16 | UInt32(samples[base + 1]) << 8 | UInt32(samples[base + 2]))
        }
        return seen.count
    }
}
