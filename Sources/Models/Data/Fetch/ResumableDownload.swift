import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP(S) transfer of a URL into a `.part` file, resuming from the bytes
/// already there with a `Range` request (URLSession; libcurl on Linux).
///
/// A server that answers `206 Partial Content` from the right offset is appended
/// to; one that ignores the range (`200`) restarts the file. The transfer's
/// state is touched from URLSession's delegate queue and from the caller, so it
/// is guarded by a lock.
final class ResumableDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// What a finished transfer did.
    struct Outcome: Sendable {
        /// Bytes already in the `.part` file that the server agreed to continue from.
        var resumedFrom: Int
        /// Bytes received in this transfer.
        var received: Int
        /// The server said the range starts at or beyond the end (HTTP 416):
        /// the `.part` file may already be complete.
        var rangeNotSatisfiable: Bool
    }

    private let url: URL
    private let partPath: String
    private let lock = NSLock()
    private var handle: FileHandle?
    private var outcome = Outcome(resumedFrom: 0, received: 0, rangeNotSatisfiable: false)
    private var failure: DatasetError?
    private var continuation: CheckedContinuation<Void, Error>?

    private init(url: URL, partPath: String) {
        self.url = url
        self.partPath = partPath
    }

    /// Transfers `url` into `partPath`, continuing an existing partial file.
    static func run(_ url: URL, into partPath: String, timeout: TimeInterval = 60) async throws -> Outcome {
        let transfer = ResumableDownload(url: url, partPath: partPath)
        return try await transfer.start(timeout: timeout)
    }

    private func start(timeout: TimeInterval) async throws -> Outcome {
        let existing = (try? FileManager.default.attributesOfItem(atPath: partPath)[.size] as? Int) ?? 0
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if existing > 0 { request.setValue("bytes=\(existing)-", forHTTPHeaderField: "Range") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            lock.withLock { self.continuation = continuation }
            session.dataTask(with: request).resume()
        }
        return lock.withLock { outcome }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let existing = (try? FileManager.default.attributesOfItem(atPath: partPath)[.size] as? Int) ?? 0
        let disposition: URLSession.ResponseDisposition = lock.withLock {
            switch status {
            case 206 where contentRangeStart(response) == existing:
                outcome.resumedFrom = existing
                return openPart(truncating: false) ? .allow : .cancel
            case 200, 206:
                // The server ignored the range or answered from elsewhere: start over.
                return openPart(truncating: true) ? .allow : .cancel
            case 416:
                outcome.rangeNotSatisfiable = true
                return .cancel
            default:
                failure = .downloadFailed(url: url.absoluteString, reason: "the server answered HTTP \(status)")
                return .cancel
            }
        }
        completionHandler(disposition)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.withLock {
            guard failure == nil, let handle else { return }
            do {
                try handle.write(contentsOf: data)
                outcome.received += data.count
            } catch {
                failure = .downloadFailed(url: url.absoluteString, reason: "cannot write '\(partPath)': \(error.localizedDescription)")
                dataTask.cancel()
            }
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let continuation: CheckedContinuation<Void, Error>? = lock.withLock {
            try? handle?.close()
            handle = nil
            if failure == nil, let error, !outcome.rangeNotSatisfiable {
                let reason = error.localizedDescription
                failure = .downloadFailed(url: url.absoluteString, reason: reason.hasSuffix(".") ? String(reason.dropLast()) : reason)
            }
            defer { self.continuation = nil }
            return self.continuation
        }
        if let failure = lock.withLock({ failure }) {
            continuation?.resume(throwing: failure)
        } else {
            continuation?.resume()
        }
    }

    /// Opens the `.part` file for writing at its end (or empty); call with the lock held.
    private func openPart(truncating: Bool) -> Bool {
        let manager = FileManager.default
        if truncating || !manager.fileExists(atPath: partPath) {
            guard manager.createFile(atPath: partPath, contents: nil) else {
                failure = .downloadFailed(url: url.absoluteString, reason: "cannot create '\(partPath)'")
                return false
            }
        }
        guard let opened = FileHandle(forWritingAtPath: partPath) else {
            failure = .downloadFailed(url: url.absoluteString, reason: "cannot open '\(partPath)' for writing")
            return false
        }
        do { try opened.seekToEnd() } catch {
            failure = .downloadFailed(url: url.absoluteString, reason: "cannot seek in '\(partPath)'")
            return false
        }
        handle = opened
        return true
    }

    /// The first byte offset of a `Content-Range: bytes START-END/TOTAL` header.
    private func contentRangeStart(_ response: URLResponse) -> Int? {
        guard let value = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Range") else { return nil }
        let parts = value.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard parts.count >= 2, parts[0].lowercased() == "bytes" else { return nil }
        return Int(parts[1])
    }
}
