import Foundation

/// How a child process ended.
public enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    /// It called `exit` with this code.
    case exited(Int32)
    /// A signal ended it.
    case signaled(Int32)

    /// Decodes a `waitpid` status word.
    init(waitStatus status: Int32) {
        let signal = status & 0x7F
        self = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }

    /// Whether it exited with code 0.
    public var isSuccess: Bool { self == .exited(0) }

    public var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signaled(let signal): "signal \(signal)" + (Self.signalNames[signal].map { " (\($0))" } ?? "")
        }
    }

    private static let signalNames: [Int32: String] = [
        SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGKILL: "SIGKILL", SIGTERM: "SIGTERM", SIGSEGV: "SIGSEGV",
        SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGPIPE: "SIGPIPE",
    ]
}

/// The exit codes of `hashsweep worker`, which the orchestrator reads.
public enum WorkerExitCode {
    /// No pending trajectory was left to claim.
    public static let finished: Int32 = 0
    /// A worker-level error (the database could not be opened, ...); details on stderr.
    public static let error: Int32 = 1
    /// Stopped by SIGINT, SIGTERM or SIGHUP after releasing its lease.
    public static let interrupted: Int32 = 3
    /// Its orchestrator is gone; it released its lease and stopped.
    public static let orphaned: Int32 = 4
}
