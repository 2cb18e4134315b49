import Foundation
import Models

/// Writes ``NeuralCodes`` as NumPy files, so a researcher can analyse them in Python.
///
/// One row per example, the distinct training examples first, then the test examples:
/// - `codes.npy`: `uint8`, shape `(n, ceil(bits / 8))`, bit-packed with NumPy's
///   `bitorder='little'`: bit `j` of a code is bit `j % 8` of byte `j / 8`; bit `j` is the
///   `j`-th hidden ReLU unit (layers first to last), set when its pre-activation is > 0.
///   `np.unpackbits(codes, axis=1, count=bits, bitorder='little')` unpacks it.
/// - `codes_unpacked.npy` (optional): `uint8`, shape `(n, bits)`, one 0 or 1 per bit.
/// - `labels.npy`: `int32`, shape `(n,)`, the labels trained on (noisy where there is label noise).
/// - `clean_labels.npy`: `int32`, shape `(n,)`, the original labels.
/// - `split.npy`: `uint8`, shape `(n,)`, 0 for a training example, 1 for a test example.
/// - `codes.json`: what the files hold (trajectory, epoch, bit count, counts, the point's axes).
public enum CodesExport {
    /// The split values in `split.npy`.
    public static let trainSplit: UInt8 = 0, testSplit: UInt8 = 1

    /// Writes the files into `folder` (created if needed) and returns their URLs.
    public static func write(_ codes: NeuralCodes, axes: [String: AxisValue], to folder: URL, unpacked: Bool) throws -> [URL] {
        let all = codes.train.appending(codes.test)
        let split = [UInt8](repeating: trainSplit, count: codes.train.count) + [UInt8](repeating: testSplit, count: codes.test.count)
        var arrays: [(String, NumPyArray)] = [
            ("codes.npy", NumPyArray(uint8: all.packedBytes(), shape: [all.count, all.bytesPerRow])),
            ("labels.npy", NumPyArray(int32: codes.trainLabels + codes.testLabels)),
            ("clean_labels.npy", NumPyArray(int32: codes.trainCleanLabels + codes.testLabels)),
            ("split.npy", NumPyArray(uint8: split, shape: [split.count])),
        ]
        if unpacked { arrays.append(("codes_unpacked.npy", NumPyArray(uint8: all.unpackedBytes(), shape: [all.count, all.bitCount]))) }
        var written: [URL] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, array) in arrays {
                let url = folder.appendingPathComponent(name)
                try array.write(to: url)
                written.append(url)
            }
            let manifest = folder.appendingPathComponent("codes.json")
            try manifestData(codes, axes: axes, files: arrays.map(\.0)).write(to: manifest, options: .atomic)
            written.append(manifest)
        } catch {
            throw ExecutionError.cannotWrite(path: folder.path, reason: (error as NSError).localizedDescription)
        }
        return written
    }

    private static func manifestData(_ codes: NeuralCodes, axes: [String: AxisValue], files: [String]) throws -> Data {
        let bits = codes.train.bitCount
        let manifest: [String: Any] = [
            "trajectory": codes.trajectoryID,
            "epoch": codes.epoch,
            "bit_count": bits,
            "bit_order": "little",
            "train_count": codes.train.count,
            "test_count": codes.test.count,
            "class_count": codes.classCount,
            "split_values": ["train": Int(trainSplit), "test": Int(testSplit)],
            "axes": axes.mapValues(\.description),
            "files": files,
            "unpack": "np.unpackbits(np.load('codes.npy'), axis=1, count=\(bits), bitorder='little')",
        ]
        return try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
    }
}
