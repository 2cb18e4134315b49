/// Why bytes could not be decoded as a ``Checkpoint``.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    /// Fewer bytes than even the header and checksum need.
    case tooShort(byteCount: Int, minimum: Int)
    /// The first bytes are not the checkpoint magic.
    case wrongMagic(found: [UInt8])
    /// A format version this build cannot read.
    case unsupportedVersion(found: UInt32, supported: ClosedRange<UInt32>)
    /// The header's payload length disagrees with the number of bytes present.
    case lengthMismatch(expectedBytes: Int, actualBytes: Int)
    /// The stored CRC-32 differs from that of the bytes.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// The payload passed the checksum but does not describe a valid checkpoint.
    case malformed(String)

    public var description: String {
        switch self {
        case .tooShort(let count, let minimum):
            "The checkpoint is \(count) bytes long, shorter than the \(minimum)-byte minimum; it was truncated or is not a hashsweep checkpoint."
        case .wrongMagic(let found):
            "The bytes do not start with the hashsweep checkpoint magic \"\(String(decoding: Checkpoint.magic, as: UTF8.self))\" (found \(found.map { String($0, radix: 16) }.joined(separator: " "))); this is not a hashsweep checkpoint."
        case .unsupportedVersion(let found, let supported):
            "The checkpoint has format version \(found), but this hashsweep reads versions \(supported.lowerBound) to \(supported.upperBound); retrain (`hashsweep run --replace`) or use the hashsweep that wrote it."
        case .lengthMismatch(let expected, let actual):
            "The checkpoint header announces \(expected) bytes but \(actual) are present; the blob was truncated or extended."
        case .checksumMismatch(let stored, let computed):
            "The checkpoint's CRC-32 is 0x\(String(stored, radix: 16)) but its bytes give 0x\(String(computed, radix: 16)); the checkpoint is corrupted."
        case .malformed(let reason):
            "The checkpoint passed its checksum but is malformed: \(reason)."
        }
    }
}
