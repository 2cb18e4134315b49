extension TrajectoryConfiguration {
    /// Every field `Codable` encodes, for ``canonicalJSON``; a field added to the struct must be
    /// added here too (`CanonicalFieldsTests` fails until it is).
    static let canonicalFields = CanonicalFields<TrajectoryConfiguration>([
        .text("dataset") { $0.dataset },
        .optionalText("datasetPath") { $0.datasetPath },
        .optionalObject("synthetic", SyntheticDataConfiguration.canonicalFields) { $0.synthetic },
        .optionalObject("images", SyntheticImageConfiguration.canonicalFields) { $0.images },
        .number("holdout") { $0.holdout },
        .text("subsample") { $0.subsample },
        .flag("tile") { $0.tile },
        .flag("standardize") { $0.standardize },
        .optionalInteger("samples") { $0.samples },
        .number("labelNoise") { $0.labelNoise },
        .optionalText("family") { $0.family },
        .optionalText("variant") { $0.variant },
        .optionalNumber("widthMultiplier") { $0.widthMultiplier },
        .optionalNumber("dropout") { $0.dropout },
        .integer("width") { $0.width },
        .integer("depth") { $0.depth },
        .text("activation") { $0.activation },
        .number("leakySlope") { $0.leakySlope },
        .flag("batchnorm") { $0.batchnorm },
        .number("batchnormMomentum") { $0.batchnormMomentum },
        .number("batchnormEpsilon") { $0.batchnormEpsilon },
        .text("initializer") { $0.initializer },
        .text("optimizer") { $0.optimizer },
        .number("lr") { $0.lr },
        .number("momentum") { $0.momentum },
        .flag("nesterov") { $0.nesterov },
        .number("beta1") { $0.beta1 },
        .number("beta2") { $0.beta2 },
        .number("adamEpsilon") { $0.adamEpsilon },
        .integer("batchSize") { $0.batchSize },
        .text("schedule") { $0.schedule },
        .integer("stepEvery") { $0.stepEvery },
        .number("stepGamma") { $0.stepGamma },
        .number("weightDecay") { $0.weightDecay },
        .text("weightDecayMode") { $0.weightDecayMode },
        .text("weightDecayScope") { $0.weightDecayScope },
        .integer("seed") { $0.seed },
        .optionalObject("augment", AugmentConfiguration.canonicalFields) { $0.augment },
        .integer("knnK") { $0.knnK },
        .integer("kmeansNInit") { $0.kmeansNInit },
        .number("logisticC") { $0.logisticC },
        .texts("metrics") { $0.metrics },
        .optionalText("codes") { $0.codes },
        .optionalInteger("metricExamples") { $0.metricExamples },
    ])
}

extension SyntheticDataConfiguration {
    /// Every field `Codable` encodes, for the canonical JSON of a configuration.
    static let canonicalFields = CanonicalFields<SyntheticDataConfiguration>([
        .integer("classes") { $0.classes },
        .integer("dimension") { $0.dimension },
        .integer("trainSize") { $0.trainSize },
        .integer("testSize") { $0.testSize },
        .integer("seed") { $0.seed },
        .integer("clustersPerClass") { $0.clustersPerClass },
        .integer("latentDimension") { $0.latentDimension },
        .number("clusterSpread") { $0.clusterSpread },
        .number("featureNoise") { $0.featureNoise },
    ])
}

extension AugmentConfiguration {
    /// Every field `Codable` encodes, for the canonical JSON of a configuration.
    static let canonicalFields = CanonicalFields<AugmentConfiguration>([
        .number("shift") { $0.shift },
        .flag("flip") { $0.flip },
        .number("rotate") { $0.rotate },
    ])
}

extension SyntheticImageConfiguration {
    /// Every field `Codable` encodes, for the canonical JSON of a configuration.
    static let canonicalFields = CanonicalFields<SyntheticImageConfiguration>([
        .integer("classes") { $0.classes },
        .integer("channels") { $0.channels },
        .integer("side") { $0.side },
        .integer("trainSize") { $0.trainSize },
        .integer("testSize") { $0.testSize },
        .integer("seed") { $0.seed },
        .number("noise") { $0.noise },
    ])
}
