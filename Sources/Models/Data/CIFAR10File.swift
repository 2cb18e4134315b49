/// Reader for the CIFAR-10 binary batches (`data_batch_1.bin` ... `test_batch.bin`).
///
/// Each record is one label byte followed by 3,072 pixel bytes: the 32x32 red
/// plane, then green, then blue, each row-major. Rows of the returned matrix are
/// channel-last (pixel by pixel, red, green, blue adjacent: hashsweep's HWC layout, see
/// ``TensorShape``), scaled to `[0, 1]`.
enum CIFAR10File {
    /// Bytes of the image part of one record.
    static let pixelBytes = 3072
    /// Bytes of one record (label + image).
    static let recordBytes = 1 + pixelBytes
    /// Number of classes.
    static let classCount = 10

    /// Reads one or more batch files, in order, into one labeled set.
    static func readBatches(at paths: [String]) throws -> LabeledData {
        var batches: [[UInt8]] = []
        var total = 0
        for path in paths {
            let bytes = try DatasetFileReader.contents(of: path)
            guard bytes.count > 0, bytes.count % recordBytes == 0 else {
                throw DatasetError.cifarBatchSize(path: path, bytes: bytes.count)
            }
            batches.append(bytes)
            total += bytes.count / recordBytes
        }
        var features = Matrix(rows: total, columns: pixelBytes)
        var labels = [Int32](repeating: 0, count: total)
        var row = 0
        for (path, bytes) in zip(paths, batches) {
            let count = bytes.count / recordBytes
            var firstBad: Int?
            bytes.withUnsafeBufferPointer { source in
                features.storage.withUnsafeMutableBufferPointer { target in
                    for record in 0..<count {
                        let start = record * recordBytes
                        let label = source[start]
                        labels[row + record] = Int32(label)
                        if Int(label) >= classCount && firstBad == nil { firstBad = record }
                        let pixels = UnsafeBufferPointer(rebasing: source[(start + 1)..<(start + recordBytes)])
                        let offset = (row + record) * pixelBytes
                        interleave(pixels, into: target.baseAddress! + offset)
                    }
                }
            }
            if let record = firstBad {
                throw DatasetError.labelOutOfRange(path: path, index: record, label: Int(bytes[record * recordBytes]), classCount: classCount)
            }
            row += count
        }
        return LabeledData(features: features, labels: labels, classCount: classCount)
    }

    /// Scales one record's planes (R, G, B, each 32x32) to `[0, 1]`, channel-last.
    private static func interleave(_ planes: UnsafeBufferPointer<UInt8>, into target: UnsafeMutablePointer<Float>) {
        let positions = pixelBytes / 3
        for position in 0..<positions {
            for channel in 0..<3 { target[position * 3 + channel] = greyLevels[Int(planes[channel * positions + position])] }
        }
    }
}
