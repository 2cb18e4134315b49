import CZlib

/// Streaming gzip (or zlib) decompression; owns one zlib `z_stream`.
///
/// Not `Sendable`: one inflater serves one decompression at a time. Feed the
/// compressed bytes with ``inflate(_:into:)`` (in one piece or in chunks), then
/// call ``finish()`` to check that the stream ended where the input did.
/// Concatenated gzip members (as `cat a.gz b.gz` makes) are decoded one after another.
final class ZlibInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let path: String
    private var output: [UInt8]
    private var atMemberEnd = true
    private var sawMember = false

    /// An inflater for `path` (named in errors); accepts gzip and zlib headers.
    init(path: String) throws {
        self.path = path
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = [UInt8](repeating: 0, count: 1 << 18)
        // 15 + 32: maximum window, detect gzip or zlib headers automatically.
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw DatasetError.corruptGzip(path: path, reason: "zlib could not start (status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Decompresses `input`, handing each block of decompressed bytes to `sink`.
    func inflate(_ input: UnsafeRawBufferPointer, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let base = input.baseAddress, input.count > 0 else { return }
        var consumed = 0
        while consumed < input.count {
            if atMemberEnd && sawMember {
                // Another gzip member follows the previous one.
                guard inflateReset(stream) == Z_OK else {
                    throw DatasetError.corruptGzip(path: path, reason: "cannot restart after a gzip member")
                }
            }
            let chunk = min(input.count - consumed, Int(UInt32.max))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: UInt8.self) + consumed)
            stream.pointee.avail_in = UInt32(chunk)
            atMemberEnd = false
            sawMember = true
            var status: Int32 = Z_OK
            repeat {
                let produced: Int = try output.withUnsafeMutableBufferPointer { buffer in
                    stream.pointee.next_out = buffer.baseAddress
                    stream.pointee.avail_out = UInt32(buffer.count)
                    status = CZlib.inflate(stream, Z_NO_FLUSH)
                    let produced = buffer.count - Int(stream.pointee.avail_out)
                    if produced > 0 { try sink(UnsafeRawBufferPointer(start: buffer.baseAddress, count: produced)) }
                    return produced
                }
                switch status {
                case Z_OK, Z_STREAM_END:
                    break
                case Z_BUF_ERROR where produced == 0 && stream.pointee.avail_in == 0:
                    break // needs more input
                default:
                    throw DatasetError.corruptGzip(path: path, reason: message(for: status))
                }
            } while status == Z_OK && (stream.pointee.avail_in > 0 || stream.pointee.avail_out == 0)
            let used = chunk - Int(stream.pointee.avail_in)
            consumed += used
            if status == Z_STREAM_END {
                atMemberEnd = true
            } else if used == 0 && stream.pointee.avail_in > 0 {
                throw DatasetError.corruptGzip(path: path, reason: "decompression made no progress")
            }
        }
    }

    /// Throws unless the input ended exactly at the end of a gzip member.
    func finish() throws {
        guard sawMember else { throw DatasetError.corruptGzip(path: path, reason: "the file is empty") }
        guard atMemberEnd else {
            throw DatasetError.corruptGzip(path: path, reason: "the compressed data ends early (truncated download?)")
        }
    }

    private func message(for status: Int32) -> String {
        if let text = stream.pointee.msg { return String(cString: text) }
        return "zlib status \(status)"
    }
}
