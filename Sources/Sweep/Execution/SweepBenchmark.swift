import Foundation

/// Measures what orchestration costs: the share of a sweep's wall time not spent
/// training and measuring.
///
/// Definition: with `P` workers, a sweep whose workers spent `C` seconds in
/// training epochs and computing metrics (the `train_seconds + measure_seconds`
/// of its measurements) would ideally take `C / P`. Its overhead is
/// `(wall − C / P) / wall`, where `wall` runs from recording the spec to the
/// orchestrator's return. It splits into data preparation, `S / P / wall` with
/// `S` the attempts' seconds loading datasets and building training sets (work a
/// single process would do as well), and orchestration, the rest: store writes,
/// claims, process start-up, checkpoint encoding and writes, idle workers at the tail.
public struct SweepBenchmarkResult: Sendable {
    /// What was run.
    public var label: String
    /// Trajectories in the sweep.
    public var trajectories: Int
    /// Measurements written.
    public var measurements: Int
    /// Worker processes (`P`).
    public var workers: Int
    /// Seconds from recording the spec to the orchestrator's return.
    public var wallSeconds: Double
    /// Seconds in training epochs, over all workers.
    public var trainSeconds: Double
    /// Seconds computing metrics, over all workers.
    public var measureSeconds: Double
    /// Seconds inside attempts (claim to finish), over all workers.
    public var attemptSeconds: Double
    /// Seconds loading datasets and building training sets (`S`), over all workers.
    public var setupSeconds: Double
    /// Mean seconds from the start to a worker's first claim (spec sync, process start-up).
    public var startupSeconds: Double
    /// Mean seconds a worker sat idle at the end, waiting for the others to finish.
    public var tailSeconds: Double

    /// Training plus metrics (`C`).
    public var computeSeconds: Double { trainSeconds + measureSeconds }
    /// `(wall − C / P) / wall`.
    public var overheadShare: Double { (wallSeconds - computeSeconds / Double(workers)) / wallSeconds }
    /// `S / P / wall`: the part of the overhead spent preparing data.
    public var dataShare: Double { setupSeconds / Double(workers) / wallSeconds }
    /// `(wall − (C + S) / P) / wall`: store, claims, process start-up, checkpoints, tail.
    public var orchestrationShare: Double { overheadShare - dataShare }
    /// Overhead inside attempts besides data preparation (checkpoint encoding, store writes) per worker, in seconds.
    public var inAttemptOverheadSeconds: Double { (attemptSeconds - computeSeconds - setupSeconds) / Double(workers) }

    /// A report of a few lines.
    public var report: String {
        """
        \(label): \(trajectories) trajectories, \(measurements) measurements, \(workers) workers
          wall \(Self.seconds(wallSeconds)); training \(Self.seconds(trainSeconds)) + metrics \(Self.seconds(measureSeconds)) \
        = \(Self.seconds(computeSeconds)) over all workers (ideal wall \(Self.seconds(computeSeconds / Double(workers))))
          overhead \(Self.percent(overheadShare)) of wall = data preparation \(Self.percent(dataShare)) \
        (\(Self.seconds(setupSeconds / Double(workers))) per worker loading datasets, building training sets) \
        + orchestration \(Self.percent(orchestrationShare)) (\(Self.seconds(inAttemptOverheadSeconds)) per worker in \
        checkpoints and store writes, \(Self.seconds(wallSeconds - attemptSeconds / Double(workers))) outside attempts: \
        \(Self.seconds(startupSeconds)) start-up, \(Self.seconds(tailSeconds)) idle at the tail, the rest between claims)
        """
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }
    private static func percent(_ share: Double) -> String { String(format: "%.2f%%", 100 * share) }
}

/// Runs a sweep from a spec in a scratch folder and measures its overhead.
public enum SweepBenchmark {
    /// Runs `specText` with `workers` worker processes of `executable`, in `folder`.
    public static func run(label: String, specText: String, folder: String, workers: Int,
                           executable: String) throws -> SweepBenchmarkResult {
        let specPath = (folder as NSString).appendingPathComponent("bench.yaml")
        try specText.write(toFile: specPath, atomically: true, encoding: .utf8)
        let spec = try SweepSpec.load(path: specPath)
        let databasePath = (folder as NSString).appendingPathComponent("sweep.sqlite")
        let clock = Stopwatch()
        let start = Date()
        let store = try SweepStore.openOrCreate(path: databasePath)
        try store.synchronize(with: SweepDefinition(spec: spec, toolVersion: "bench"))
        let options = OrchestratorOptions(databasePath: databasePath, workers: workers, executable: executable)
        let result = try Orchestrator(store: store, options: options, display: ProgressDisplay(isTerminal: false, plainInterval: 30)).run()
        let wall = clock.seconds
        guard result.summary.done == result.summary.total else {
            throw ExecutionError.workersKeepFailing(count: result.summary.counts[.failed, default: 0],
                                                    lastStatus: "benchmark sweep incomplete",
                                                    lastOutput: result.summary.failures.compactMap(\.lastError))
        }
        let measurements = try store.measurements()
        let attempts = try store.attempts()
        let byWorker = Dictionary(grouping: attempts, by: \.worker)
        let lastEnd = attempts.compactMap(\.endedAt).max() ?? start
        let startup = byWorker.values.map { $0.map(\.startedAt).min()!.timeIntervalSince(start) }
        let tail = byWorker.values.map { lastEnd.timeIntervalSince($0.compactMap(\.endedAt).max() ?? lastEnd) }
        return SweepBenchmarkResult(
            label: label, trajectories: result.summary.total, measurements: measurements.count, workers: workers,
            wallSeconds: wall, trainSeconds: measurements.reduce(0) { $0 + $1.trainSeconds },
            measureSeconds: measurements.reduce(0) { $0 + $1.measureSeconds },
            attemptSeconds: attempts.reduce(0) { $0 + (($1.endedAt ?? $1.startedAt).timeIntervalSince($1.startedAt)) },
            setupSeconds: attempts.reduce(0) { $0 + $1.setupSeconds },
            startupSeconds: startup.reduce(0, +) / Double(max(1, startup.count)),
            tailSeconds: tail.reduce(0, +) / Double(max(1, tail.count)))
    }

    /// 50 tiny trajectories (widths 8 to 128, one hidden layer, 500 or 2,000 examples) on the
    /// built-in synthetic data (64 features, 10 classes), measured six times each with every
    /// metric at cheap settings: a fraction of a second to a few seconds of work per trajectory.
    public static let tinySpec = """
        name: bench-tiny
        dataset: {name: synthetic}
        model: {depth: 1}
        train: {lr: 0.05, batch_size: 64}
        metrics: {knn_k: 5, kmeans_n_init: 2}
        grid:
          epochs: [0, 1, 2, 5, 10, 20]
          width: [8, 16, 32, 64, 128]
          samples: [500, 2000]
          seed: 5

        """

    /// A realistic MNIST sweep reading the files in `directory`: the reference protocol
    /// (20% holdout, stratified subsamples tiled to the full training split), widths 64 to
    /// 1,024, 1,000 or 10,000 examples, two seeds, six measurements up to epoch 20 with the
    /// default metric settings: several minutes of work per worker.
    public static func mnistSpec(directory: String) -> String {
        """
        name: bench-mnist
        dataset:
          name: mnist
          path: \(directory)
          holdout: 0.2
          subsample: stratified
          tile: true
        model: {depth: 1}
        train: {lr: 0.01, batch_size: 128}
        grid:
          epochs: [0, 1, 2, 5, 10, 20]
          width: [64, 256, 1024]
          samples: [1000, 10000]
          seed: 2

        """
    }
}
