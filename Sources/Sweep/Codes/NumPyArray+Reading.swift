import Foundation

extension NumPyArray {
    init(type: ElementType, shape: [Int], payload: Data) {
        self.type = type
        self.shape = shape
        self.payload = payload
    }

    /// Reads a `.npy` file of version 1.0 or 2.0 in C order holding `uint8` or little-endian
    /// `int32` elements, the kinds ``write(to:)`` writes.
    public static func read(from url: URL) throws -> NumPyArray {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ExecutionError.cannotRead(path: url.path, reason: (error as NSError).localizedDescription)
        }
        return try parse(Array(data), path: url.path)
    }

    /// Parses a whole `.npy` file's bytes; `path` names it in errors.
    static func parse(_ bytes: [UInt8], path: String) throws -> NumPyArray {
        func fail(_ reason: String) -> ExecutionError { .cannotRead(path: path, reason: "not a .npy file hashsweep reads: \(reason)") }
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1..<6]) == Array("NUMPY".utf8) else { throw fail("no NumPy magic") }
        let major = bytes[6]
        let lengthBytes = major == 1 ? 2 : 4
        guard major == 1 || major == 2, bytes.count >= 8 + lengthBytes else { throw fail("format version \(major).\(bytes[7])") }
        let headerLength = bytes[8..<(8 + lengthBytes)].reversed().reduce(0) { $0 << 8 | Int($1) }
        let dataStart = 8 + lengthBytes + headerLength
        guard bytes.count >= dataStart, let header = String(bytes: bytes[(8 + lengthBytes)..<dataStart], encoding: .ascii) else {
            throw fail("header cut short")
        }
        guard let descr = value(of: "descr", in: header), let type = ElementType(rawValue: descr.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))) else {
            throw fail("element type in \(header.trimmingCharacters(in: .whitespacesAndNewlines)); allowed: |u1 (uint8), <i4 (int32)")
        }
        guard value(of: "fortran_order", in: header)?.trimmingCharacters(in: .whitespaces) == "False" else { throw fail("Fortran order") }
        guard let shapeText = value(of: "shape", in: header) else { throw fail("no shape") }
        let shape = shapeText.trimmingCharacters(in: CharacterSet(charactersIn: "() ")).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.compactMap { Int($0) }
        let elementSize = type == .uint8 ? 1 : 4
        guard bytes.count - dataStart == shape.reduce(1, *) * elementSize else {
            throw fail("\(bytes.count - dataStart) data bytes for shape \(shape) of \(type.rawValue)")
        }
        return NumPyArray(type: type, shape: shape, payload: Data(bytes[dataStart...]))
    }

    /// The text after `'key':` up to the next top-level comma (a tuple's commas are inside parentheses).
    private static func value(of key: String, in header: String) -> String? {
        guard let keyRange = header.range(of: "'\(key)':") else { return nil }
        var depth = 0, result = ""
        for character in header[keyRange.upperBound...] {
            if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
            if (character == "," && depth == 0) || character == "}" { break }
            result.append(character)
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// The elements of an `int32` array.
    public var int32Values: [Int32] {
        precondition(type == .int32, "NumPyArray: int32Values of a \(type.rawValue) array")
        return payload.withUnsafeBytes { raw in
            (0..<(payload.count / 4)).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self)) }
        }
    }
}
