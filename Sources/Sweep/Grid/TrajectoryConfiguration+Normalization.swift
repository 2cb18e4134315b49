extension TrajectoryConfiguration {
    /// This configuration with every setting that has no effect reset to its default,
    /// so that settings which cannot change training do not split identity.
    ///
    /// The rules (each mirrors what the trainer ignores):
    /// - no `samples` (all examples): `subsample` and `tile` are inert;
    /// - `activation: relu`: `leakySlope` is inert;
    /// - no `batchnorm`: `batchnormMomentum` and `batchnormEpsilon` are inert;
    /// - `optimizer: sgd`: `beta1`, `beta2`, `adamEpsilon` are inert, and so is `nesterov` when `momentum` is 0;
    /// - `optimizer: adam`: `momentum` and `nesterov` are inert;
    /// - `schedule: constant`: `stepEvery` and `stepGamma` are inert;
    /// - `weightDecay: 0`: `weightDecayMode` and `weightDecayScope` are inert;
    /// - a metric step not measured: its settings (`knnK`, `kmeansNInit`, `logisticC`) are inert;
    /// - a file-based dataset: `synthetic` is nil; `synthetic` data: its settings are filled in
    ///   (likewise `images` for `synthetic-images`);
    /// - the model family's inert fields (the MLP's width for a VGG, a VGG's variant for an MLP)
    ///   are reset and its defaults filled in (see `ModelFamily`); `family: mlp` is no family;
    /// - an augmentation that changes nothing is none; `codes: all` is the default.
    public func normalized() -> TrajectoryConfiguration {
        let defaults = TrajectoryConfiguration()
        var result = self
        if family == MLPFamily.familyName { result.family = nil }
        if let family = ModelFamilies.of(result) { result = family.normalized(result) }
        if let augment, augment.shift == 0, !augment.flip, augment.rotate == 0 { result.augment = nil }
        if codes == "all" { result.codes = nil }
        result.images = dataset == "synthetic-images" ? (images ?? SyntheticImageConfiguration()) : nil
        if samples == nil {
            result.subsample = defaults.subsample
            result.tile = defaults.tile
        }
        if activation == "relu" { result.leakySlope = defaults.leakySlope }
        if !result.batchnorm {
            result.batchnormMomentum = defaults.batchnormMomentum
            result.batchnormEpsilon = defaults.batchnormEpsilon
        }
        switch optimizer {
        case "adam":
            result.momentum = defaults.momentum
            result.nesterov = defaults.nesterov
        default:
            result.beta1 = defaults.beta1
            result.beta2 = defaults.beta2
            result.adamEpsilon = defaults.adamEpsilon
            if momentum == 0 { result.nesterov = false }
        }
        if schedule == "constant" {
            result.stepEvery = defaults.stepEvery
            result.stepGamma = defaults.stepGamma
        }
        if weightDecay == 0 {
            result.weightDecayMode = defaults.weightDecayMode
            result.weightDecayScope = defaults.weightDecayScope
        }
        if !measures("knn") { result.knnK = defaults.knnK }
        if !measures("kmeans") { result.kmeansNInit = defaults.kmeansNInit }
        if !measures("logistic") { result.logisticC = defaults.logisticC }
        result.synthetic = dataset == "synthetic" ? (synthetic ?? SyntheticDataConfiguration()) : nil
        return result
    }

    /// Whether the metric step `name` (`redundancy`, `knn`, `kmeans`, `logistic`) is measured.
    public func measures(_ name: String) -> Bool {
        metrics == ["all"] || metrics.contains(name)
    }
}
