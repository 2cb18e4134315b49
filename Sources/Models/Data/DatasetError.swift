/// Everything that can go wrong while locating, fetching, reading or preparing a dataset.
///
/// Every message names the file (or value) and the problem, and where a dataset
/// is missing, the command that fetches it.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A required file was not found in any of the folders searched.
    case missingFile(name: String, searched: [String], fetchCommand: String?)
    /// A file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// A file ends before the size its header declares.
    case truncated(path: String, expectedBytes: Int, actualBytes: Int)
    /// A file is longer than its header declares.
    case trailingBytes(path: String, expectedBytes: Int, actualBytes: Int)
    /// An IDX file starts with the wrong magic number.
    case wrongMagic(path: String, found: UInt32, expected: UInt32)
    /// An IDX header declares impossible dimensions.
    case badDimensions(path: String, detail: String)
    /// The images and labels files hold different numbers of examples.
    case countMismatch(imagesPath: String, images: Int, labelsPath: String, labels: Int)
    /// A label lies outside the dataset's classes.
    case labelOutOfRange(path: String, index: Int, label: Int, classCount: Int)
    /// A `.gz` file is not valid gzip data.
    case corruptGzip(path: String, reason: String)
    /// A CIFAR-10 batch is not a whole number of 3,073-byte records.
    case cifarBatchSize(path: String, bytes: Int)
    /// More training samples were requested than the training split holds.
    case samplesExceedDataset(requested: Int, available: Int)
    /// A sample count of zero or less was requested.
    case invalidSampleCount(Int)
    /// A label-noise fraction outside `[0, 1)`.
    case noiseOutOfRange(Double)
    /// A holdout fraction outside `[0, 1)`, or one that leaves no training example.
    case holdoutOutOfRange(Double)
    /// Label noise needs at least two classes.
    case noiseNeedsTwoClasses(classCount: Int)
    /// Synthetic-data settings that cannot be generated.
    case invalidSyntheticSettings(String)
    /// A downloaded or imported file does not have the published checksum.
    case checksumMismatch(path: String, algorithm: String, expected: String, actual: String)
    /// A download failed.
    case downloadFailed(url: String, reason: String)
    /// An archive could not be extracted.
    case extractionFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingFile(name, searched, fetchCommand):
            var message = "Dataset file '\(name)' (raw or .gz) was not found; looked in: \(searched.joined(separator: ", "))."
            if let fetchCommand { message += " Run '\(fetchCommand)' to download it, or pass its folder with --data-dir." }
            return message
        case let .unreadable(path, reason):
            return "Cannot read '\(path)': \(reason)."
        case let .truncated(path, expected, actual):
            return "'\(path)' is truncated: its header declares \(expected) bytes but it holds \(actual). Fetch the file again."
        case let .trailingBytes(path, expected, actual):
            return "'\(path)' has \(actual - expected) unexpected bytes after the \(expected) bytes its header declares."
        case let .wrongMagic(path, found, expected):
            return "'\(path)' has the wrong magic number \(hex(found)) (expected \(hex(expected))); it is not an IDX \(expected == IDXFile.imagesMagic ? "images" : "labels") file."
        case let .badDimensions(path, detail):
            return "'\(path)' declares impossible dimensions: \(detail)."
        case let .countMismatch(imagesPath, images, labelsPath, labels):
            return "'\(imagesPath)' holds \(images) images but '\(labelsPath)' holds \(labels) labels; the counts must match."
        case let .labelOutOfRange(path, index, label, classCount):
            return "'\(path)': label \(label) of example \(index) lies outside 0..<\(classCount)."
        case let .corruptGzip(path, reason):
            return "'\(path)' is not valid gzip data (\(reason)). Delete it and fetch the dataset again."
        case let .cifarBatchSize(path, bytes):
            return "'\(path)' holds \(bytes) bytes, which is not a positive multiple of the 3073-byte CIFAR-10 record (1 label byte + 3072 pixel bytes)."
        case let .samplesExceedDataset(requested, available):
            return "\(requested) training samples were requested but the training split holds only \(available) examples."
        case let .invalidSampleCount(count):
            return "The sample count must be positive; got \(count)."
        case let .noiseOutOfRange(value):
            return "The label-noise fraction must lie in [0, 1); got \(value)."
        case let .holdoutOutOfRange(value):
            return "The holdout fraction must lie in [0, 1) and leave at least one training example; got \(value)."
        case let .noiseNeedsTwoClasses(classCount):
            return "Label noise needs at least two classes; the dataset has \(classCount)."
        case let .invalidSyntheticSettings(detail):
            return "Invalid synthetic-data settings: \(detail)."
        case let .checksumMismatch(path, algorithm, expected, actual):
            return "'\(path)' has \(algorithm) \(actual) but the published value is \(expected); the file was deleted. Fetch it again, from another --mirror, or import a good copy with --from."
        case let .downloadFailed(url, reason):
            return "Downloading \(url) failed: \(reason)."
        case let .extractionFailed(path, reason):
            return "Extracting '\(path)' failed: \(reason)."
        }
    }
}

private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
}
