/// The spec's `execution:` section: how a sweep is run, not what it computes.
/// None of these settings is part of any trajectory's identity.
public struct ExecutionSettings: Sendable, Hashable, Codable {
    /// Worker processes; `nil` means one per core (`hashsweep run -j` overrides it).
    public var workers: Int? = nil
    /// Attempts per trajectory before it is marked failed (at least 1).
    public var maxAttempts: Int = 3
    /// Seconds a claim lasts without a heartbeat before another worker may take it over.
    public var leaseSeconds: Int = 60
    /// Which checkpoints the store keeps (`auto`: every measured epoch's, unless that takes too much space).
    public var checkpoints: CheckpointRetention = .auto

    /// The defaults.
    public init() {}
}
