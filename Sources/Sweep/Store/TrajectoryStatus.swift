/// Where a trajectory stands in its sweep.
public enum TrajectoryStatus: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Waiting for a worker (new, interrupted, or to be retried).
    case pending
    /// Leased by a worker that is training it.
    case running
    /// Every requested epoch is measured.
    case done
    /// Failed `max_attempts` times; `hashsweep retry --failed` puts it back.
    case failed

    public var description: String { rawValue }
}
