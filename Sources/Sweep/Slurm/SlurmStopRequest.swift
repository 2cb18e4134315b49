import Foundation

/// Records that Slurm asked the task to stop, and why, for the training loop to act on at the
/// next epoch boundary.
///
/// SIGUSR1 is what the script's `--signal=B:USR1@S` sends before the time limit: the task
/// checkpoints and asks to be requeued. SIGTERM (cancellation, preemption, or the time limit
/// itself) and SIGINT: the task checkpoints and exits. A second signal ends the process at once;
/// the shard still holds the last committed checkpoint.
public final class SlurmStopRequest: @unchecked Sendable {
    /// What the task should do once it has checkpointed.
    public enum Kind: Sendable, Equatable {
        /// Exit; Slurm (or the user) decides what happens next.
        case exit(signal: Int32)
        /// Requeue this array task (the time limit is near), then exit.
        case requeue
    }

    private let lock = NSLock()
    private var requested: Kind?
    private var watch: SignalWatch?

    /// A request nobody has made yet.
    public init() {}

    /// Starts turning SIGTERM, SIGUSR1 and SIGINT into stop requests for this process.
    public func installSignalHandlers() {
        watch = SignalWatch(signals: [SIGTERM, SIGUSR1, SIGINT]) { [weak self] signal, count in
            if count > 1 { _exit(SlurmTaskExitCode.interrupted) }
            self?.request(signal == SIGUSR1 ? .requeue : .exit(signal: signal))
        }
    }

    /// Asks the task to stop.
    public func request(_ kind: Kind) {
        lock.withLock { if requested == nil { requested = kind } }
    }

    /// The request, if one was made.
    public var kind: Kind? { lock.withLock { requested } }
}

/// Exit codes of `hashsweep slurm task`, as `sacct` shows them.
public enum SlurmTaskExitCode {
    /// Every trajectory of the task is done; the shard is complete.
    public static let finished: Int32 = 0
    /// The shard is complete, but some trajectories failed (their errors are in it).
    public static let someFailed: Int32 = 2
    /// Stopped by a signal after checkpointing; a requeued task or a resubmission continues.
    public static let interrupted: Int32 = 3
}
