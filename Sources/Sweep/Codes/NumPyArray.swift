import Foundation

/// An array in NumPy's `.npy` format (version 1.0), C order, for `numpy.load`.
///
/// The header is the dict `{'descr': ..., 'fortran_order': False, 'shape': (...), }`, padded
/// with spaces and a newline so that the data starts at a multiple of 64 bytes.
public struct NumPyArray: Sendable, Equatable {
    /// The element type, as NumPy's `descr` string.
    public enum ElementType: String, Sendable {
        /// `uint8`.
        case uint8 = "|u1"
        /// Little-endian `int32`.
        case int32 = "<i4"
    }

    /// The element type.
    public let type: ElementType
    /// The shape, outermost dimension first.
    public let shape: [Int]
    /// The elements' bytes, C order, little-endian.
    public let payload: Data

    /// A `uint8` array of `shape` over `bytes` (their count must be the product of the shape).
    public init(uint8 bytes: [UInt8], shape: [Int]) {
        precondition(bytes.count == shape.reduce(1, *), "NumPyArray: \(bytes.count) bytes for shape \(shape)")
        type = .uint8
        self.shape = shape
        payload = Data(bytes)
    }

    /// A one-dimensional `int32` array.
    public init(int32 values: [Int32]) {
        type = .int32
        shape = [values.count]
        payload = values.withUnsafeBufferPointer { buffer in
            Data(buffer.map(\.littleEndian).withUnsafeBytes { Array($0) })
        }
    }

    /// The whole file: magic, version, header, data.
    public var fileData: Data {
        let dimensions = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '\(type.rawValue)', 'fortran_order': False, 'shape': \(dimensions), }"
        let prefix = 10  // magic (6), version (2), header length (2)
        let padded = (prefix + header.utf8.count + 1 + 63) / 64 * 64
        header += String(repeating: " ", count: padded - prefix - header.utf8.count - 1) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        data.append(payload)
        return data
    }

    /// Writes the file atomically.
    public func write(to url: URL) throws {
        try fileData.write(to: url, options: .atomic)
    }
}
