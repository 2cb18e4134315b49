import Foundation
import Testing
@testable import Models

@Suite("Datasets: real MNIST against the facts in its README",
       .enabled(if: DataTestSupport.mnistIsPresent,
                "MNIST not found at \(DataTestSupport.mnistDirectory) (set HASHSWEEP_MNIST); skipping the real-data tests"))
struct DataMNISTTests {
    /// Loaded once for all tests of the suite.
    static let loaded = Result { try DatasetLoader.load(DatasetOptions(kind: .mnist, directory: DataTestSupport.mnistDirectory)) }
    let splits: DatasetSplits

    init() throws {
        splits = try Self.loaded.get()
    }

    @Test("shapes, first labels and class counts match the README")
    func factsMatch() {
        #expect(splits.train.count == 60_000 && splits.test.count == 10_000 && splits.holdout.count == 0)
        #expect(splits.train.featureCount == 784 && splits.train.classCount == 10)
        #expect(splits.train.labels.prefix(10) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        #expect(splits.test.labels.prefix(10) == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
        var counts = [Int](repeating: 0, count: 10)
        for label in splits.train.labels { counts[Int(label)] += 1 }
        #expect(counts == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
    }

    @Test("pixels lie in [0, 1] and the mean training pixel is 33.318 / 255")
    func meanPixel() {
        var sum = 0.0, low: Float = 0, high: Float = 0
        splits.train.features.storage.withUnsafeBufferPointer { buffer in
            let pixels = buffer.baseAddress!
            for i in 0..<buffer.count {
                sum += Double(pixels[i])
                low = min(low, pixels[i]); high = max(high, pixels[i])
            }
        }
        #expect(low == 0 && high == 1)
        let mean = sum / Double(splits.train.features.storage.count)
        #expect(abs(mean * 255 - 33.318) < 0.001)
    }
}

@Suite("Datasets: MNIST holdout and standardisation",
       .enabled(if: DataTestSupport.mnistIsPresent,
                "MNIST not found at \(DataTestSupport.mnistDirectory) (set HASHSWEEP_MNIST); skipping the real-data tests"))
struct DataMNISTPreparationTests {
    @Test("a 0.2 holdout trains on the first 48,000 and exposes the last 12,000; standardised train features have mean 0")
    func holdoutAndStandardisation() throws {
        let splits = try DatasetLoader.load(DatasetOptions(kind: .mnist, directory: DataTestSupport.mnistDirectory,
                                                           holdoutFraction: 0.2, standardize: true))
        #expect(splits.train.count == 48_000 && splits.holdout.count == 12_000 && splits.test.count == 10_000)
        #expect(splits.train.labels.prefix(10) == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4])
        let columns = splits.train.featureCount
        // Feature 14 * 28 + 14 (a central pixel) is standardised to mean 0 and deviation 1 on the train split.
        let feature = 14 * 28 + 14
        var sum = 0.0, squares = 0.0
        splits.train.features.storage.withUnsafeBufferPointer { buffer in
            for row in 0..<splits.train.count {
                let value = Double(buffer[row * columns + feature])
                sum += value; squares += value * value
            }
        }
        let mean = sum / Double(splits.train.count)
        #expect(abs(mean) < 1e-4)
        #expect(abs(squares / Double(splits.train.count) - mean * mean - 1) < 1e-3)
    }
}
