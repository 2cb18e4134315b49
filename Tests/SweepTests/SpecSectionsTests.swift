import Testing
@testable import Sweep

@Suite("Spec sections")
struct SpecSectionsTests {
    @Test("Every section's values reach the configuration and settings")
    func sectionsRead() throws {
        let spec = try validSpec(specText(
            dataset: """
                dataset:
                  name: fashion-mnist
                  path: /data/fashion
                  holdout: 0.1
                  subsample: stratified
                  tile: true
                  standardize: true
                  samples: 1000
                  label_noise: 0.25
                """,
            sections: """
                model: {width: 64, depth: 3, activation: leaky_relu, leaky_slope: 0.2, batchnorm: true,
                        batchnorm_momentum: 0.9, batchnorm_epsilon: 1e-5, initializer: he_uniform}
                train: {optimizer: adam, lr: 0.001, beta1: 0.8, beta2: 0.99, adam_epsilon: 1e-7, batch_size: 32,
                        schedule: {type: step, every: 10, gamma: 0.5}, weight_decay: 0.0001,
                        weight_decay_mode: decoupled, weight_decay_scope: all, seed: 4}
                metrics: {run: [knn, logistic, redundancy], skip: [logistic], knn_k: 5, kmeans_n_init: 3, logistic_c: 0.5}
                execution: {workers: 2, max_attempts: 5, lease_seconds: 30}

                """))
        let c = try #require(spec.trajectories.first).configuration
        #expect(c.dataset == "fashion-mnist" && c.datasetPath == "/data/fashion" && c.holdout == 0.1)
        #expect(c.subsample == "stratified" && c.tile && c.standardize && c.samples == 1000 && c.labelNoise == 0.25)
        #expect(c.width == 64 && c.depth == 3 && c.activation == "leaky_relu" && c.leakySlope == 0.2)
        #expect(c.batchnorm && c.batchnormMomentum == 0.9 && c.batchnormEpsilon == 1e-5 && c.initializer == "he_uniform")
        #expect(c.optimizer == "adam" && c.lr == 0.001 && c.beta1 == 0.8 && c.beta2 == 0.99 && c.adamEpsilon == 1e-7)
        #expect(c.batchSize == 32 && c.schedule == "step" && c.stepEvery == 10 && c.stepGamma == 0.5)
        #expect(c.weightDecay == 0.0001 && c.weightDecayMode == "decoupled" && c.weightDecayScope == "all" && c.seed == 4)
        #expect(c.metrics == ["redundancy", "knn"] && c.knnK == 5)
        #expect(c.kmeansNInit == TrajectoryConfiguration().kmeansNInit, "kmeans is not run, so its setting is normalised")
        #expect(c.synthetic == nil)
        #expect(spec.execution.workers == 2 && spec.execution.maxAttempts == 5 && spec.execution.leaseSeconds == 30)
    }

    @Test("Defaults when sections are absent")
    func defaults() throws {
        let spec = try validSpec(specText())
        let c = try #require(spec.trajectories.first).configuration
        #expect(c == TrajectoryConfiguration().normalized())
        #expect(spec.execution == ExecutionSettings())
        #expect(spec.phase == PhaseSettings())
    }

    @Test("Synthetic generator settings are read and take part in identity")
    func synthetic() throws {
        let spec = try validSpec(specText(dataset: """
            dataset:
              name: synthetic
              synthetic: {classes: 3, dimension: 5, train_size: 300, test_size: 30, seed: 2,
                          clusters_per_class: 1, latent_dimension: 2, cluster_spread: 0.1, feature_noise: 0}
            """))
        let settings = try #require(spec.trajectories.first?.configuration.synthetic)
        #expect(settings.classes == 3 && settings.dimension == 5 && settings.trainSize == 300 && settings.testSize == 30)
        #expect(settings.seed == 2 && settings.clustersPerClass == 1 && settings.latentDimension == 2)
        #expect(settings.clusterSpread == 0.1 && settings.featureNoise == 0)
        let defaults = try validSpec(specText())
        #expect(spec.trajectories[0].id != defaults.trajectories[0].id)
    }

    @Test("metrics.run: none measures only the network", arguments: [("run: none", [String]()), ("run: all", ["all"]),
                                                                      ("skip: [kmeans]", ["redundancy", "knn", "logistic"])])
    func metricSelection(_ pair: (String, [String])) throws {
        let spec = try validSpec(specText(sections: "metrics: {\(pair.0)}\n"))
        #expect(spec.trajectories[0].configuration.metrics == pair.1)
    }

    @Test("A step schedule in short form takes the default every and gamma")
    func stepShortForm() throws {
        let spec = try validSpec(specText(sections: "train: {schedule: step}\n"))
        let c = spec.trajectories[0].configuration
        #expect(c.schedule == "step" && c.stepEvery == 20 && c.stepGamma == 0.1)
    }

    @Test("The phase section is decoded into PhaseSettings")
    func phase() throws {
        let spec = try validSpec(specText(
            sections: """
                phase: {x: width, y: epochs, facet: label_noise, categorization_metric: logistic_test_accuracy,
                        redundancy_low: 0.01, redundancy_high: 0.3, accuracy_ceiling: 0.95, accuracy_gap_low: 0.02,
                        accuracy_gap_high: 0.2, trend_effect: 0.05, alpha: 0.01, min_seeds: 5, trend_axes: [width, samples]}

                """,
            grid: "  epochs: [1]\n  width: [8, 16]\n  label_noise: [0, 0.1]"))
        var expected = PhaseSettings()
        expected.facet = "label_noise"
        expected.categorizationMetric = "logistic_test_accuracy"
        expected.redundancyLow = 0.01
        expected.redundancyHigh = 0.3
        expected.accuracyCeiling = 0.95
        expected.accuracyGapLow = 0.02
        expected.accuracyGapHigh = 0.2
        expected.trendEffect = 0.05
        expected.alpha = 0.01
        expected.minSeeds = 5
        expected.trendAxes = ["width", "samples"]
        #expect(spec.phase == expected)
    }

    @Test("The spec hash is the SHA-256 of the text; the text is kept")
    func hash() throws {
        let text = specText()
        let spec = try validSpec(text)
        #expect(spec.text == text)
        let other = try validSpec(text + "# a comment\n")
        #expect(spec.hash != other.hash)
        #expect(spec.trajectories.map(\.id) == other.trajectories.map(\.id))
        // sha256("name: t\ndataset: {name: synthetic}\ngrid:\n  epochs: [0, 1]\n")
        #expect(spec.hash == SpecSectionsTests.skeletonHash)
    }

    @Test("The summary names the counts and the compute")
    func summary() throws {
        let spec = try validSpec(ExampleSpec.text)
        #expect(spec.summary.contains("trajectories: 84 (96 points, 12 excluded)"))
        #expect(spec.summary.contains("0, 1, 2, 5, 10 -> 420 measurements"))
        #expect(spec.summary.contains("axis width: 4 values: 4, 16, 64, 256"))
    }

    static let skeletonHash = "c975673f694077bdcb83a8096f1806f93213287c567b527ab738d5de1f944460"
}
