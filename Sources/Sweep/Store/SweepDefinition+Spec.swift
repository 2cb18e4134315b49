extension SweepDefinition {
    /// The definition `hashsweep run` records for a parsed spec.
    public init(spec: SweepSpec, toolVersion: String, gitCommit: String? = nil) {
        self.init(name: spec.name, specText: spec.text, specHash: spec.hash, maxAttempts: spec.execution.maxAttempts,
                  trajectories: spec.trajectories, toolVersion: toolVersion, gitCommit: gitCommit)
    }
}
