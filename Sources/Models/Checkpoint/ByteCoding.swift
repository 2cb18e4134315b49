/// Appends little-endian fixed-width values to a byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func append(_ raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    mutating func append(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A count followed by the IEEE bit patterns of the values.
    mutating func append(_ values: [Float]) {
        append(UInt64(values.count))
        bytes.reserveCapacity(bytes.count + 4 * values.count)
        for value in values { append(value.bitPattern) }
    }

    /// A length followed by the bytes.
    mutating func appendBlock(_ block: [UInt8]) {
        append(UInt64(block.count))
        append(block)
    }
}

/// Reads little-endian fixed-width values from bytes, throwing on overrun.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }

    mutating func read(count: Int, _ what: String) throws(CheckpointError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else {
            throw .malformed("\(what) needs \(count) bytes but only \(remaining) remain")
        }
        defer { position += count }
        return bytes[position..<(position + count)]
    }

    mutating func readUInt32(_ what: String) throws(CheckpointError) -> UInt32 {
        let slice = try read(count: 4, what)
        return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func readUInt64(_ what: String) throws(CheckpointError) -> UInt64 {
        let slice = try read(count: 8, what)
        return slice.reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A count that must fit in `Int` and be at most `limit`.
    mutating func readCount(_ what: String, limit: Int) throws(CheckpointError) -> Int {
        let value = try readUInt64(what)
        guard value <= UInt64(limit) else { throw .malformed("\(what) is \(value), more than the \(limit) possible") }
        return Int(value)
    }

    mutating func readFloats(_ what: String) throws(CheckpointError) -> [Float] {
        let count = try readCount("the length of \(what)", limit: remaining / 4)
        let slice = try read(count: 4 * count, what)
        var values = [Float](repeating: 0, count: count)
        slice.withUnsafeBytes { raw in
            for i in 0..<count {
                values[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
            }
        }
        return values
    }

    mutating func readBlock(_ what: String) throws(CheckpointError) -> [UInt8] {
        let count = try readCount("the length of \(what)", limit: remaining)
        return Array(try read(count: count, what))
    }
}
