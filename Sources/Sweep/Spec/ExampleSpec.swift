/// The commented reference spec that `hashsweep spec --example` prints; `sweeps/example.yaml`
/// holds the same text under the name ``committedName`` (a test keeps the two in step).
///
/// The printed spec is named ``name``, which no committed spec uses, so that a copy run as it is
/// never meets the database of a committed sweep (a sweep belongs to the file that first ran it).
///
/// It sweeps a small synthetic problem (84 small trajectories)
/// and shows every section and key.
public enum ExampleSpec {
    /// The printed spec's `name`.
    public static let name = "my-sweep"
    /// The `name` of `sweeps/example.yaml`.
    public static let committedName = "example-synthetic"

    /// `sweeps/example.yaml`'s text: the printed one under ``committedName``.
    public static var committedText: String {
        text.replacingOccurrences(of: "\nname: \(name)\n", with: "\nname: \(committedName)\n")
    }

    /// The spec text.
    public static let text = """
    # hashsweep sweep spec: the reference example (`hashsweep spec --example`).
    # Every key is shown; keys commented out are optional. docs/spec.md gives each
    # key's default and allowed values. Run it with `hashsweep run sweeps/example.yaml`.

    # The sweep's name: results go to results/<name>/. Letters, digits, . _ -
    name: my-sweep

    dataset:
      name: synthetic          # mnist | fashion-mnist | cifar10 | synthetic
      # path: ../shared/datasets/mnist   # folder of the dataset files (file-based datasets)
      holdout: 0.2             # fraction of the training set withheld from the end, in [0, 1)
      subsample: stratified    # with samples: first | stratified (equal share per class)
      tile: false              # repeat a subsample floor(N / n) times per epoch
      standardize: false       # per-feature mean 0, deviation 1 (from the training split)
      # samples: 1000          # training examples; all of them when absent (swept below)
      # label_noise: 0.0       # fraction of training labels replaced, in [0, 1) (swept below)
      synthetic:               # generator settings, only with name: synthetic
        classes: 10
        dimension: 64
        train_size: 4000       # before the holdout: 3,200 examples remain to train on
        test_size: 1000
        seed: 0                # the data's seed (separate from the trajectories' seeds)
        clusters_per_class: 8
        latent_dimension: 8
        cluster_spread: 0.4
        feature_noise: 0.1

    model:
      # width: 100             # units per hidden layer (swept below)
      depth: 1                 # hidden layers
      activation: relu         # relu | leaky_relu
      leaky_slope: 0.01        # negative slope, with leaky_relu
      batchnorm: false
      batchnorm_momentum: 0.99 # running-average momentum (Keras convention), with batchnorm
      batchnorm_epsilon: 0.001
      initializer: glorot_uniform   # glorot_uniform | he_uniform

    train:
      optimizer: sgd           # sgd | adam
      lr: 0.01
      momentum: 0.9            # sgd
      nesterov: false          # sgd
      beta1: 0.9               # adam
      beta2: 0.999             # adam
      adam_epsilon: 1.0e-8     # adam
      batch_size: 128
      # Learning-rate schedule: constant, or step (lr x gamma every `every` epochs).
      # Schedules that need the total number of epochs (cosine, linear decay) are
      # rejected: a trajectory is measured at every epoch of one training run.
      schedule: constant       # or {type: step, every: 20, gamma: 0.1}
      weight_decay: 0.0
      weight_decay_mode: l2    # l2 (added to the gradient) | decoupled (AdamW style)
      weight_decay_scope: weights   # weights | all (biases and BatchNorm too)
      # seed: 0                # when seeds are not swept

    # How the codes are measured: not part of what is trained. Change a setting and
    # `hashsweep measure` re-measures the stored trajectories, without training.
    metrics:
      run: all                 # all | none | a list of redundancy, knn, kmeans, logistic
      skip: []                 # steps to leave out of run
      knn_k: 9
      kmeans_n_init: 10
      logistic_c: 1.0          # inverse L2 strength

    # The swept axes. Each is a value, a list, or {linspace: [a, b], num: k} /
    # {logspace: [a, b], num: k} (endpoints are values; add round: int for integers).
    # Points are the product of the axes (the last varies fastest) and of the zip
    # groups, minus the points matching an exclude entry.
    grid:
      epochs: [0, 1, 2, 5, 10]           # measured along each trajectory; 0 = at initialisation
      width: {logspace: [4, 256], num: 4, round: int}   # 4, 16, 64, 256
      samples: [400, 3200]
      label_noise: [0.0, 0.2]
      zip:                               # axes that advance together (equal lengths)
        - lr: [0.05, 0.01]
          batch_size: [64, 128]
      exclude:                           # "AXIS OP VALUE and ...": matching points are left out
        - "width >= 256 and samples < 1000"
      seed: 3                            # a count (0, 1, 2) or a list

    # The phase chart (hashsweep chart): its axes and the regime classifier's thresholds.
    phase:
      x: width
      y: epochs
      # facet: label_noise     # small multiples along another axis
      redundancy_metric: redundancy_train  # the redundancy ratio the rule reads
      categorization_metric: knn_test_accuracy
      redundancy_low: 0.05     # at or below: the hash is almost deterministic
      redundancy_high: 0.2     # at or above: considerably redundant
      # accuracy_ceiling: 0.9  # absent: the best cell mean of the sweep
      accuracy_gap_low: 0.03
      accuracy_gap_high: 0.1
      trend_effect: 0.02
      alpha: 0.05
      min_seeds: 3
      trend_axes: [width, depth, epochs, samples]

    execution:
      # workers: 2             # worker processes; absent: one per core (run -j overrides)
      max_attempts: 3          # tries per trajectory before it is marked failed
      lease_seconds: 60        # a claim not renewed for this long is taken over
      checkpoints: auto        # measured (keep every measured epoch's, to re-measure without
                               # training) | last | auto (measured while under 8 GiB)

    """
}
