/// What `hashsweep run` records about a spec before running it: its text,
/// identity, retry budget and the trajectories it expands to.
public struct SweepDefinition: Sendable {
    /// The sweep's name (the spec's `name`).
    public var name: String
    /// The spec file's text, stored verbatim.
    public var specText: String
    /// Hash identifying this version of the spec.
    public var specHash: String
    /// Attempts a trajectory gets before it is marked failed (`execution.max_attempts`).
    public var maxAttempts: Int
    /// The expanded grid, in the order workers should take it.
    public var trajectories: [Trajectory]
    /// Tool version recorded with the spec.
    public var toolVersion: String
    /// Git commit of the tool, when known.
    public var gitCommit: String?
    /// The spec file, as an absolute path, when the definition comes from one: the sweep's owner.
    public var specPath: String?
    /// Whether the checkpoint of every measured epoch is kept (see ``CheckpointRetention``).
    public var keepsMeasuredCheckpoints = false

    /// A definition; `maxAttempts` must be at least 1.
    public init(name: String, specText: String, specHash: String, maxAttempts: Int, trajectories: [Trajectory],
                toolVersion: String, gitCommit: String? = nil) {
        precondition(maxAttempts >= 1, "SweepDefinition: maxAttempts must be at least 1")
        self.name = name
        self.specText = specText
        self.specHash = specHash
        self.maxAttempts = maxAttempts
        self.trajectories = trajectories
        self.toolVersion = toolVersion
        self.gitCommit = gitCommit
    }
}

/// What synchronising the store with a spec changed.
public struct SyncReport: Sendable, Equatable {
    /// Trajectories new in the database.
    public var added = 0
    /// Trajectories with measured epochs to re-measure from their kept checkpoints (changed metric settings).
    public var remeasuredFromCheckpoints = 0
    /// Trajectories with measured epochs to re-measure by training again (their checkpoints are not kept).
    public var remeasuredByTraining = 0
    /// Existing trajectories with newly requested epochs (they continue from their checkpoint).
    public var extended = 0
    /// Trajectories no longer in the spec (kept, left out of charts).
    public var retired = 0
    /// Retired trajectories that the spec brought back.
    public var restored = 0
    /// Trajectories in the spec.
    public var total = 0

    /// An empty report.
    public init() {}
}
