import Foundation

/// Reads a dataset file into memory, decompressing it when its name ends in `.gz`.
enum DatasetFileReader {
    /// The bytes of `path` (decompressed if it is a `.gz` file).
    static func contents(of path: String) throws -> [UInt8] {
        let raw = try rawContents(of: path)
        guard path.hasSuffix(".gz") else { return raw }
        return try gunzip(raw, path: path)
    }

    /// The bytes of `path` exactly as stored.
    static func rawContents(of path: String) throws -> [UInt8] {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            return [UInt8](data)
        } catch {
            throw DatasetError.unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// Decompresses gzip data read from `path` (named in errors).
    static func gunzip(_ compressed: [UInt8], path: String) throws -> [UInt8] {
        // Gzip data must start with the magic bytes 1f 8b; reject anything else
        // before zlib sees it so that the message is plain.
        guard compressed.count >= 18 else {
            throw DatasetError.corruptGzip(path: path, reason: "only \(compressed.count) bytes, shorter than a gzip header and trailer")
        }
        guard compressed[0] == 0x1F, compressed[1] == 0x8B else {
            throw DatasetError.corruptGzip(path: path, reason: "it does not start with the gzip magic bytes 1f 8b")
        }
        // The trailer's ISIZE (uncompressed size mod 2^32) is a good capacity hint.
        let tail = compressed.count - 4
        let sizeHint = Int(compressed[tail]) | Int(compressed[tail + 1]) << 8
            | Int(compressed[tail + 2]) << 16 | Int(compressed[tail + 3]) << 24
        var result = [UInt8]()
        result.reserveCapacity(min(sizeHint, 1 << 31))
        let inflater = try ZlibInflater(path: path)
        try compressed.withUnsafeBytes { input in
            try inflater.inflate(input) { block in result.append(contentsOf: block) }
        }
        try inflater.finish()
        return result
    }

    /// The first existing file among `name` and `name.gz` in `directory`, or nil.
    static func existingFile(named name: String, in directory: String) -> String? {
        let manager = FileManager.default
        for candidate in [name, name + ".gz"] {
            let path = (directory as NSString).appendingPathComponent(candidate)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { return path }
        }
        return nil
    }
}
