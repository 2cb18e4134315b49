import Foundation
import Models

extension NeuralCodes {
    /// The codes in a folder written by ``CodesExport/write(_:axes:to:unpacked:)`` (`hashsweep
    /// codes`): `codes.json`, `codes.npy`, `labels.npy`, `clean_labels.npy` and `split.npy`.
    public init(exportedIn folder: URL) throws {
        let manifestURL = folder.appendingPathComponent("codes.json")
        let manifest: [String: Any]
        do {
            manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any] ?? [:]
        } catch {
            throw ExecutionError.cannotRead(path: manifestURL.path, reason: (error as NSError).localizedDescription)
        }
        func integer(_ key: String) throws -> Int {
            guard let value = manifest[key] as? Int else {
                throw ExecutionError.cannotRead(path: manifestURL.path, reason: "no integer '\(key)'; write the folder with `hashsweep codes`")
            }
            return value
        }
        let bits = try integer("bit_count"), trainCount = try integer("train_count"), testCount = try integer("test_count")
        let array = { (name: String) in try NumPyArray.read(from: folder.appendingPathComponent(name)) }
        let codes = try array("codes.npy"), labels = try array("labels.npy"), clean = try array("clean_labels.npy")
        let rows = trainCount + testCount
        guard codes.type == .uint8, codes.shape == [rows, (bits + 7) / 8], labels.type == .int32, labels.shape == [rows],
              clean.type == .int32, clean.shape == [rows] else {
            throw ExecutionError.cannotRead(
                path: folder.path,
                reason: "codes.npy \(codes.type.rawValue) \(codes.shape), labels.npy \(labels.shape), clean_labels.npy \(clean.shape) "
                    + "do not match codes.json's \(trainCount) + \(testCount) rows of \(bits) bits")
        }
        let all = CodeMatrix(packedBytes: codes.payload, count: rows, bitCount: bits)
        let labelValues = labels.int32Values, cleanValues = clean.int32Values
        self.init(
            trajectoryID: manifest["trajectory"] as? String ?? "", epoch: try integer("epoch"),
            train: all.gatheringRows(0..<trainCount), trainLabels: Array(labelValues[..<trainCount]),
            trainCleanLabels: Array(cleanValues[..<trainCount]),
            test: all.gatheringRows(trainCount..<rows), testLabels: Array(labelValues[trainCount...]),
            classCount: try integer("class_count"))
    }
}
