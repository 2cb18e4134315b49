import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny HTTP/1.1 file server on 127.0.0.1 for the fetch tests (no internet here).
///
/// Serves `GET /NAME` from an in-memory table, honours `Range: bytes=N-`
/// (206 with `Content-Range`, 416 past the end), answers 404 otherwise, and
/// records every request. It can corrupt a file's bytes, or drop the
/// connection after a number of body bytes on the first request for a file.
/// One connection at a time, on a background thread; ``stop()`` ends it.
final class DataTestHTTPServer: @unchecked Sendable {
    struct Request: Sendable, Equatable {
        var path: String
        var range: String?
    }

    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var files: [String: [UInt8]]
    private var corrupted: Set<String> = []
    private var dropAfter: [String: Int] = [:]
    private var recorded: [Request] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts serving `files` (path without the leading slash -> bytes) on a free port.
    init(files: [String: [UInt8]]) throws {
        self.files = files
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 8) == 0 else { close(fd); throw ServerError("bind/listen failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// The base URL of the server, ending in `/`.
    var baseURL: String { "http://127.0.0.1:\(port)/" }
    /// Every request received so far.
    var requests: [Request] { lock.withLock { recorded } }

    /// Serves `name` with every byte after the first 10 flipped.
    func corrupt(_ name: String) { _ = lock.withLock { corrupted.insert(name) } }
    /// Drops the connection after `bytes` body bytes, on the next request for `name` only.
    func dropConnection(_ name: String, after bytes: Int) { lock.withLock { dropAfter[name] = bytes } }

    /// Stops accepting and waits for the server thread to end.
    func stop() {
        lock.withLock { stopping = true }
        finished.wait()
        close(listener)
    }

    private func serve() {
        defer { finished.signal() }
        while !lock.withLock({ stopping }) {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            handle(connection)
            close(connection)
        }
    }

    private func handle(_ connection: Int32) {
        guard let head = readHead(connection) else { return }
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return }
        let path = String(parts[1].dropFirst())
        let range = lines.dropFirst().first { $0.lowercased().hasPrefix("range:") }
            .map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) }
        let (body, drop): ([UInt8]?, Int?) = lock.withLock {
            recorded.append(Request(path: path, range: range))
            guard var bytes = files[path] else { return (nil, nil) }
            if corrupted.contains(path) { for i in 10..<bytes.count { bytes[i] ^= 0xFF } }
            return (bytes, dropAfter.removeValue(forKey: path))
        }
        guard let body else {
            sendText(connection, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        }
        var start = 0
        if let range, range.hasPrefix("bytes="), let from = Int(range.dropFirst(6).split(separator: "-").first ?? "") {
            start = from
        }
        if start >= body.count && range != nil {
            sendText(connection, "HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */\(body.count)\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            return
        }
        let status = range == nil ? "200 OK" : "206 Partial Content\r\nContent-Range: bytes \(start)-\(body.count - 1)/\(body.count)"
        sendText(connection, "HTTP/1.1 \(status)\r\nContent-Type: application/octet-stream\r\nContent-Length: \(body.count - start)\r\nConnection: close\r\n\r\n")
        let end = drop.map { min(start + $0, body.count) } ?? body.count
        body.withUnsafeBytes { raw in
            var offset = start
            while offset < end {
                let sent = send(connection, raw.baseAddress! + offset, end - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return }
                offset += sent
            }
        }
    }

    private func readHead(_ connection: Int32) -> String? {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 65536 {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            data += buffer[0..<count]
            if let text = String(bytes: data, encoding: .utf8), text.contains("\r\n\r\n") { return text }
        }
        return nil
    }

    private func sendText(_ connection: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress!, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    struct ServerError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
