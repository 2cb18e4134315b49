import Foundation

/// The state a worker process shares between its training thread, its lease
/// heartbeat and its shutdown path: the claim it holds and the epoch it is at.
///
/// Shutdown (a signal, or the orchestrator's death) releases the held lease and
/// ends the process at once: the epoch in progress is discarded, since
/// checkpoints are taken only at epoch boundaries and resuming from the last
/// one is bit-exact. Claiming and finishing take the same lock, so a shutdown
/// never leaves a claimed trajectory behind.
public final class WorkerSession: @unchecked Sendable {
    /// The store the worker claims from.
    public let store: SweepStore
    /// Who this worker is.
    public let identity: WorkerIdentity
    private let lock = NSLock()
    private var current: Claim?
    private var epoch = 0
    private var leaseLost = false

    /// A session for `identity` on `store`.
    public init(store: SweepStore, identity: WorkerIdentity) {
        self.store = store
        self.identity = identity
    }

    /// Claims the next pending trajectory (with `measureOnly`, the next with re-measurements
    /// from kept checkpoints, for those alone) and remembers it.
    public func claimNext(measureOnly: Bool = false) throws -> Claim? {
        try lock.withLock {
            let claim = try store.claimNext(for: identity, measureOnly: measureOnly)
            current = claim
            epoch = claim?.startEpoch ?? 0
            leaseLost = false
            return claim
        }
    }

    /// Marks the held claim finished (done, or pending if its epoch list grew).
    public func finish(_ claim: Claim, setupSeconds: Double = 0) throws {
        try lock.withLock {
            defer { current = nil }
            try store.finish(claim, setupSeconds: setupSeconds)
        }
    }

    /// Records a failed attempt at the held claim.
    public func fail(_ claim: Claim, error: any Error) throws {
        try lock.withLock {
            defer { current = nil }
            try store.recordFailure(claim, error: String(describing: error))
        }
    }

    /// Forgets a claim whose lease was lost (someone else owns the trajectory now).
    public func drop(_ claim: Claim) {
        lock.withLock { current = nil }
    }

    /// Records the number of epochs trained (reported by the heartbeat).
    public func reached(epoch: Int) {
        lock.withLock { self.epoch = epoch }
    }

    /// Whether the heartbeat found the lease taken over.
    public var isLeaseLost: Bool { lock.withLock { leaseLost } }

    /// Extends the held lease; called by the heartbeat thread.
    public func beat() {
        guard let (claim, epoch) = lock.withLock({ current.map { ($0, epoch) } }) else { return }
        do {
            if try !store.heartbeat(claim, currentEpoch: epoch) {
                lock.withLock { if current?.attemptID == claim.attemptID { leaseLost = true } }
            }
        } catch {
            StandardError.line("worker \(identity.name): heartbeat failed: \(error)")
        }
    }

    /// Releases the held lease (not a failure) and ends the process with `exitCode`.
    public func shutdown(reason: String, exitCode: Int32) -> Never {
        lock.lock() // never unlocked: the process ends below
        if let claim = current {
            do {
                try store.release(claim, reason: reason)
                StandardError.line("worker \(identity.name): \(reason); released trajectory \(claim.trajectory.id.prefix(12)) at epoch \(epoch)")
            } catch {
                StandardError.line("worker \(identity.name): \(reason); could not release its lease (\(error)); it will be reclaimed")
            }
        }
        _exit(exitCode)
    }
}
