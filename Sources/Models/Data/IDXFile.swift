/// Reader for the IDX format of MNIST and Fashion-MNIST (unsigned-byte images and labels).
///
/// An IDX file is a big-endian header (a magic number `0x000008DD`, where 08
/// means unsigned bytes and DD the number of dimensions, then one 32-bit size
/// per dimension) followed by the data. Images are returned scaled to `[0, 1]`
/// and flattened to one row per image.
enum IDXFile {
    /// Magic number of a 3-dimensional unsigned-byte file (images).
    static let imagesMagic: UInt32 = 0x0000_0803
    /// Magic number of a 1-dimensional unsigned-byte file (labels).
    static let labelsMagic: UInt32 = 0x0000_0801

    /// Reads images and labels from two IDX files (each `.gz` or raw) and pairs them.
    static func readExamples(imagesPath: String, labelsPath: String, classCount: Int) throws -> LabeledData {
        let features = try readImages(at: imagesPath)
        let labels = try readLabels(at: labelsPath, classCount: classCount)
        guard features.rows == labels.count else {
            throw DatasetError.countMismatch(imagesPath: imagesPath, images: features.rows,
                                             labelsPath: labelsPath, labels: labels.count)
        }
        return LabeledData(features: features, labels: labels, classCount: classCount)
    }

    /// Reads an images file into an `n x (rows * columns)` matrix with values in `[0, 1]`.
    static func readImages(at path: String) throws -> Matrix {
        let bytes = try DatasetFileReader.contents(of: path)
        let dimensions = try header(of: bytes, path: path, magic: imagesMagic, dimensionCount: 3)
        let (count, height, width) = (dimensions[0], dimensions[1], dimensions[2])
        guard height > 0, width > 0 else {
            throw DatasetError.badDimensions(path: path, detail: "images of \(height)x\(width) pixels")
        }
        let featureCount = height * width
        try checkSize(bytes.count, headerBytes: 16, dataBytes: count * featureCount, path: path)
        // Filled straight from the bytes: no zero-fill pass over the (large) matrix.
        let pixels = [Float](unsafeUninitializedCapacity: count * featureCount) { target, initialized in
            bytes.withUnsafeBufferPointer { source in
                scaleBytes(UnsafeBufferPointer(rebasing: source[16...]), into: target)
            }
            initialized = count * featureCount
        }
        return Matrix(rows: count, columns: featureCount, storage: pixels)
    }

    /// Reads a labels file, checking every label lies in `0..<classCount`.
    static func readLabels(at path: String, classCount: Int) throws -> [Int32] {
        let bytes = try DatasetFileReader.contents(of: path)
        let count = try header(of: bytes, path: path, magic: labelsMagic, dimensionCount: 1)[0]
        try checkSize(bytes.count, headerBytes: 8, dataBytes: count, path: path)
        var labels = [Int32](repeating: 0, count: count)
        var firstBad: Int?
        bytes.withUnsafeBufferPointer { source in
            labels.withUnsafeMutableBufferPointer { target in
                for i in 0..<count {
                    let label = source[8 + i]
                    target[i] = Int32(label)
                    if Int(label) >= classCount && firstBad == nil { firstBad = i }
                }
            }
        }
        if let index = firstBad {
            throw DatasetError.labelOutOfRange(path: path, index: index, label: Int(labels[index]), classCount: classCount)
        }
        return labels
    }

    /// Validates the magic number and returns the declared dimensions.
    private static func header(of bytes: [UInt8], path: String, magic: UInt32, dimensionCount: Int) throws -> [Int] {
        let headerBytes = 4 + 4 * dimensionCount
        guard bytes.count >= 4 else {
            throw DatasetError.truncated(path: path, expectedBytes: headerBytes, actualBytes: bytes.count)
        }
        let found = bigEndianWord(bytes, at: 0)
        guard found == magic else { throw DatasetError.wrongMagic(path: path, found: found, expected: magic) }
        guard bytes.count >= headerBytes else {
            throw DatasetError.truncated(path: path, expectedBytes: headerBytes, actualBytes: bytes.count)
        }
        return (0..<dimensionCount).map { Int(bigEndianWord(bytes, at: 4 + 4 * $0)) }
    }

    private static func checkSize(_ actual: Int, headerBytes: Int, dataBytes: Int, path: String) throws {
        let expected = headerBytes + dataBytes
        if actual < expected { throw DatasetError.truncated(path: path, expectedBytes: expected, actualBytes: actual) }
        if actual > expected { throw DatasetError.trailingBytes(path: path, expectedBytes: expected, actualBytes: actual) }
    }

    private static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }
}

/// Grey level `b` as a `Float` in `[0, 1]`: `greyLevels[b] == Float(b) / 255`.
let greyLevels: [Float] = (0...255).map { Float($0) / 255 }

/// Converts grey levels `0...255` to `Float`s in `[0, 1]` through a 256-entry table
/// (as fast as the arithmetic in release builds and four times faster in debug ones).
func scaleBytes(_ source: UnsafeBufferPointer<UInt8>, into target: UnsafeMutableBufferPointer<Float>) {
    precondition(source.count == target.count, "scaleBytes: \(source.count) bytes for \(target.count) floats")
    guard let from = source.baseAddress, let to = target.baseAddress else { return }
    greyLevels.withUnsafeBufferPointer { table in
        let levels = table.baseAddress!
        for i in 0..<source.count { to[i] = levels[Int(from[i])] }
    }
}
