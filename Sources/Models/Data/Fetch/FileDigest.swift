import Crypto
import Foundation

/// SHA-256 digests of files, read in 1 MiB blocks (never the whole file at once).
enum FileDigest {
    /// SHA-256 of the bytes of `path`, lowercase hex.
    static func sha256(of path: String) throws -> String {
        var hasher = SHA256()
        try forEachBlock(of: path) { block in hasher.update(bufferPointer: block) }
        return hex(hasher.finalize())
    }

    /// SHA-256 of the gzip-decompressed content of `path`, lowercase hex.
    static func contentSHA256(ofGzip path: String) throws -> String {
        var hasher = SHA256()
        let inflater = try ZlibInflater(path: path)
        try forEachBlock(of: path) { block in
            try inflater.inflate(block) { output in hasher.update(bufferPointer: output) }
        }
        try inflater.finish()
        return hex(hasher.finalize())
    }

    /// Checks `path` against `download`: its SHA-256 as published, or else, where
    /// the catalog knows it, the SHA-256 of its decompressed content (a raw IDX
    /// file, or a recompressed `.gz`). Returns how it matched; throws
    /// ``DatasetError/checksumMismatch(path:algorithm:expected:actual:)`` otherwise.
    @discardableResult
    static func verify(_ path: String, against download: DatasetDownload) throws -> String {
        let actual = try sha256(of: path)
        if actual == download.sha256 { return "SHA-256 matches the published file" }
        if let content = download.contentSHA256 {
            let isGzip = try startsWithGzipMagic(path)
            let contentDigest = isGzip ? (try? contentSHA256(ofGzip: path)) : actual
            if contentDigest == content { return "SHA-256 of the decompressed content matches" }
        }
        throw DatasetError.checksumMismatch(path: path, algorithm: "SHA-256", expected: download.sha256, actual: actual)
    }

    private static func startsWithGzipMagic(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 2) ?? Data()
        return head.count == 2 && head[head.startIndex] == 0x1F && head[head.startIndex + 1] == 0x8B
    }

    private static func forEachBlock(of path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatasetError.unreadable(path: path, reason: "it does not exist or is not readable")
        }
        defer { try? handle.close() }
        while true {
            let block: Data
            do { block = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw DatasetError.unreadable(path: path, reason: error.localizedDescription)
            }
            if block.isEmpty { return }
            try block.withUnsafeBytes { try body($0) }
        }
    }

    private static func hex<D: Digest>(_ digest: D) -> String {
        digest.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }
}
