/// The size of a trajectory's encoded checkpoint, estimated from its configuration: four bytes
/// per parameter, per optimiser moment (two for Adam, one for SGD with momentum) and per
/// BatchNorm running statistic, plus the header and the configuration's JSON.
public enum CheckpointSize {
    /// Estimated bytes of one checkpoint of `configuration`.
    public static func bytes(of configuration: TrajectoryConfiguration) -> Double {
        let parameters = Double(ComputeEstimate.parameterCount(of: configuration))
        let moments: Double = configuration.optimizer == "adam" ? 2 : configuration.momentum > 0 ? 1 : 0
        let statistics = configuration.batchnorm ? 2 * Double(configuration.width * configuration.depth) : 0
        return 4 * (parameters * (1 + moments) + statistics) + 1_024
    }

    /// Estimated bytes of the checkpoints of every measured epoch of `trajectories`.
    public static func measuredEpochsBytes(of trajectories: some Sequence<Trajectory>) -> Double {
        trajectories.reduce(0) { $0 + bytes(of: $1.configuration) * Double($1.epochs.count) }
    }
}
