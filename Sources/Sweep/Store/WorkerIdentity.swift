import Foundation

/// Who holds a lease: a worker name plus the host and process it runs in.
///
/// The orchestrator reclaims a lease at once when its holder ran on this host
/// and the process is gone; otherwise only when the lease expires.
public struct WorkerIdentity: Sendable, Hashable, CustomStringConvertible {
    /// Unique name of the worker (e.g. `w3-host-1234-a1b2`).
    public var name: String
    /// Host name the worker runs on.
    public var host: String
    /// Process id of the worker.
    public var pid: Int32

    /// An identity for this process.
    public init(name: String, host: String = WorkerIdentity.currentHost, pid: Int32 = getpid()) {
        self.name = name
        self.host = host
        self.pid = pid
    }

    /// This machine's host name.
    public static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "unknown-host" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether process `pid` exists on this host (a zombie counts as existing).
    public static func processExists(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    public var description: String { "\(name) (pid \(pid) on \(host))" }
}
