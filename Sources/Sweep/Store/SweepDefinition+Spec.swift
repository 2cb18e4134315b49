import Foundation

extension SweepDefinition {
    /// The definition `hashsweep run` records for a parsed spec; the spec's file owns the sweep.
    public init(spec: SweepSpec, toolVersion: String, gitCommit: String? = nil) {
        let trajectories = Array(spec.trajectories)
        self.init(name: spec.name, specText: spec.text, specHash: spec.hash, maxAttempts: spec.execution.maxAttempts,
                  trajectories: trajectories, toolVersion: toolVersion, gitCommit: gitCommit)
        specPath = URL(fileURLWithPath: spec.file).standardizedFileURL.path
        keepsMeasuredCheckpoints = spec.execution.checkpoints.keepsMeasuredEpochs(
            estimatedBytes: CheckpointSize.measuredEpochsBytes(of: trajectories))
    }
}
