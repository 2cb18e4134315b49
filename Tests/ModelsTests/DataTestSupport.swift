import Foundation
@testable import Models

/// Helpers shared by the dataset tests: temporary folders and the real MNIST location.
enum DataTestSupport {
    /// `$HASHSWEEP_MNIST`, else `../shared/datasets/mnist` relative to the package root.
    static let mnistDirectory: String = {
        if let explicit = ProcessInfo.processInfo.environment["HASHSWEEP_MNIST"], !explicit.isEmpty { return explicit }
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets/mnist").path
    }()

    /// Whether the real MNIST files are present.
    static var mnistIsPresent: Bool { DatasetFiles.isComplete(.mnist, in: mnistDirectory) }

    /// A fresh empty folder under the system temporary directory.
    static func temporaryDirectory(_ label: String = #function) throws -> String {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let path = (NSTemporaryDirectory() as NSString)
            .appendingPathComponent("hashsweep-data-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `bytes` to `directory/name` and returns the path.
    @discardableResult
    static func write(_ bytes: [UInt8], named name: String, in directory: String) throws -> String {
        let path = (directory as NSString).appendingPathComponent(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// An IDX images file of `count` images of `height x width` pixels (pixel i of image k is `(k + i) % 256`).
    static func idxImages(count: Int, height: Int = 2, width: Int = 3, magic: UInt32 = 0x0000_0803) -> [UInt8] {
        var bytes = bigEndian(magic) + bigEndian(UInt32(count)) + bigEndian(UInt32(height)) + bigEndian(UInt32(width))
        for k in 0..<count { for i in 0..<(height * width) { bytes.append(UInt8((k + i) % 256)) } }
        return bytes
    }

    /// An IDX labels file holding `labels`.
    static func idxLabels(_ labels: [UInt8], magic: UInt32 = 0x0000_0801) -> [UInt8] {
        bigEndian(magic) + bigEndian(UInt32(labels.count)) + labels
    }

    /// gzip-compresses `bytes` with the system's `gzip` (present wherever zlib is).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let directory = try temporaryDirectory("gzip")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try write(bytes, named: "payload", in: directory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-f", path]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
