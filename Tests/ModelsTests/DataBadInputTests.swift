import Foundation
import Testing
@testable import Models

/// Bad dataset files, written to a temporary folder: each must fail with a
/// ``DatasetError`` whose message names the file and the problem.
@Suite("Datasets: malformed and missing files")
struct DataBadInputTests {
    typealias Support = DataTestSupport

    /// Expects `body` to throw a `DatasetError` whose message contains every fragment.
    private func expectError(_ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation,
                             _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error was thrown", sourceLocation: sourceLocation)
        } catch let error as DatasetError {
            for fragment in fragments {
                #expect(error.description.contains(fragment), "'\(error)' lacks '\(fragment)'", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("a well-formed raw and gzip pair loads, with pixels scaled to [0, 1]", arguments: [false, true])
    func wellFormed(compressed: Bool) throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var images = Support.idxImages(count: 4), labels = Support.idxLabels([3, 1, 4, 1])
        if compressed { images = try Support.gzip(images); labels = try Support.gzip(labels) }
        let suffix = compressed ? ".gz" : ""
        let imagesPath = try Support.write(images, named: "images" + suffix, in: directory)
        let labelsPath = try Support.write(labels, named: "labels" + suffix, in: directory)
        let data = try IDXFile.readExamples(imagesPath: imagesPath, labelsPath: labelsPath, classCount: 10)
        #expect(data.count == 4 && data.featureCount == 6 && data.labels == [3, 1, 4, 1])
        #expect(data.features[2, 3] == Float(5) / 255)
    }

    @Test("a truncated IDX file names the declared and actual sizes")
    func truncated() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Support.write(Array(Support.idxImages(count: 5).dropLast(7)), named: "train-images-idx3-ubyte", in: directory)
        expectError([path, "truncated", "declares 46 bytes", "holds 39"]) { _ = try IDXFile.readImages(at: path) }
        let header = try Support.write([0, 0, 8, 3, 0, 0], named: "short", in: directory)
        expectError([header, "truncated"]) { _ = try IDXFile.readImages(at: header) }
    }

    @Test("extra bytes after the declared data are reported")
    func trailing() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Support.write(Support.idxLabels([1, 2]) + [9, 9], named: "labels", in: directory)
        expectError([path, "2 unexpected bytes"]) { _ = try IDXFile.readLabels(at: path, classCount: 10) }
    }

    @Test("a wrong magic number is reported in hex with the expected one")
    func wrongMagic() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A labels file where an images file is expected.
        let path = try Support.write(Support.idxLabels([1, 2, 3]), named: "train-images-idx3-ubyte", in: directory)
        expectError([path, "wrong magic number 0x00000801", "expected 0x00000803", "images"]) { _ = try IDXFile.readImages(at: path) }
    }

    @Test("images and labels of different counts name both files")
    func countMismatch() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let images = try Support.write(Support.idxImages(count: 3), named: "images", in: directory)
        let labels = try Support.write(Support.idxLabels([1, 2]), named: "labels", in: directory)
        expectError([images, labels, "3 images", "2 labels"]) {
            _ = try IDXFile.readExamples(imagesPath: images, labelsPath: labels, classCount: 10)
        }
    }

    @Test("a label outside the classes is reported with its index")
    func labelOutOfRange() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try Support.write(Support.idxLabels([1, 2, 12]), named: "labels", in: directory)
        expectError([path, "label 12 of example 2", "0..<10"]) { _ = try IDXFile.readLabels(at: path, classCount: 10) }
    }

    @Test("gzip garbage: not gzip, corrupt deflate data, and a cut-off stream")
    func gzipGarbage() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let plain = try Support.write(Support.idxLabels([1, 2, 3]) + Array(repeating: 0, count: 20), named: "a.gz", in: directory)
        expectError([plain, "not valid gzip", "magic bytes 1f 8b"]) { _ = try IDXFile.readLabels(at: plain, classCount: 10) }

        var compressed = try Support.gzip(Support.idxImages(count: 50))
        let cut = try Support.write(Array(compressed.prefix(compressed.count / 2)), named: "b.gz", in: directory)
        expectError([cut, "not valid gzip", "ends early"]) { _ = try IDXFile.readImages(at: cut) }

        for i in 10..<(compressed.count - 8) { compressed[i] ^= 0x5A }
        let corrupt = try Support.write(compressed, named: "c.gz", in: directory)
        expectError([corrupt, "not valid gzip"]) { _ = try IDXFile.readImages(at: corrupt) }
    }

    @Test("a missing dataset names the file, the folders searched and the fetch command")
    func missingFile() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Support.write(Support.idxImages(count: 1), named: "train-images-idx3-ubyte", in: directory)
        expectError(["train-labels-idx1-ubyte", directory, "hashsweep data fetch fashion-mnist"]) {
            _ = try DatasetLoader.load(DatasetOptions(kind: .fashionMNIST, directory: directory))
        }
        let environment = ["HASHSWEEP_DATA": directory + "/root", "HOME": directory + "/home"]
        expectError(["train-images-idx3-ubyte", directory + "/root/mnist", directory + "/home/.cache/hashsweep/mnist",
                     "hashsweep data fetch mnist"]) {
            _ = try DatasetLocation.resolve(.mnist, environment: environment)
        }
    }

    @Test("a CIFAR-10 batch of the wrong size is reported with its size; good batches load")
    func cifarBatches() throws {
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let nested = (directory as NSString).appendingPathComponent(DatasetFiles.cifar10Subfolder)
        try FileManager.default.createDirectory(atPath: nested, withIntermediateDirectories: true)
        for (index, name) in DatasetFiles.cifar10.enumerated() {
            var records: [UInt8] = []
            for record in 0..<2 { records += [UInt8((index + record) % 10)] + Array(repeating: UInt8(index * 10 + record), count: 3072) }
            try Support.write(records, named: name, in: nested)
        }
        let splits = try DatasetLoader.load(DatasetOptions(kind: .cifar10, directory: directory))
        #expect(splits.train.count == 10 && splits.test.count == 2 && splits.train.featureCount == 3072)
        #expect(splits.train.labels == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5] && splits.test.labels == [5, 6])
        #expect(splits.train.features[3, 100] == Float(11) / 255)

        #expect(splits.inputShape == TensorShape(channels: 3, height: 32, width: 32))

        // Planes R, G, B on disk become channel-last pixels: pixel p's channel c is plane c's byte p.
        var record: [UInt8] = [7]
        for channel in 0..<3 { record += (0..<1024).map { UInt8((channel * 50 + $0) % 256) } }
        try Support.write(record + record, named: "data_batch_1.bin", in: nested)
        let planar = try DatasetLoader.load(DatasetOptions(kind: .cifar10, directory: directory))
        for (pixel, channel) in [(0, 0), (0, 2), (33, 1), (1023, 2)] {
            #expect(planar.train.features[0, pixel * 3 + channel] == Float((channel * 50 + pixel) % 256) / 255)
        }

        let bad = try Support.write(Array(repeating: 1, count: 3073 * 2 - 5), named: "data_batch_3.bin", in: nested)
        expectError([bad, "6141 bytes", "3073-byte"]) { _ = try DatasetLoader.load(DatasetOptions(kind: .cifar10, directory: directory)) }
    }
}
