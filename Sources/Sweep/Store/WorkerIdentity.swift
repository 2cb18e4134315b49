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

    /// Whether process `pid` is running on this host.
    ///
    /// A zombie (ended, not yet reaped) counts as gone: in containers whose init
    /// never reaps orphans, a killed worker stays a zombie for good.
    public static func processIsRunning(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let end = stat.lastIndex(of: ")") else { return true }
        let state = stat[stat.index(after: end)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }

    public var description: String { "\(name) (pid \(pid) on \(host))" }
}
