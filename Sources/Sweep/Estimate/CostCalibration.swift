import Foundation

/// A short run that measures this machine's ``CostModel`` before a sweep has stored anything:
/// one small real trajectory on the built-in synthetic data (width 64, two hidden layers, 1,000
/// training and 250 test examples), trained for two epochs and measured once with every metric
/// step, through the same code the workers run. Small networks run below a large one's rates,
/// so the estimate errs long; once the sweep stores measurements, they replace it.
///
/// The result is kept in `$XDG_CACHE_HOME/hashsweep/` (default `~/.cache/hashsweep/`) under a
/// key naming the host, the tool version, the build (debug or release) and the BLAS settings of
/// the environment, so every command on this machine uses the same figures and pays for the run
/// once.
public enum CostCalibration {
    /// The calibrated model, from the cache when it holds one for this machine, else from a run now.
    public static func model(toolVersion: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> CostModel {
        if let cached = cachedModel(toolVersion: toolVersion, environment: environment) { return cached }
        let file = cacheFile(toolVersion: toolVersion, environment: environment)
        let model = try run()
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? JSONEncoder().encode(model).write(to: file, options: .atomic)
        return model
    }

    /// The cached model for this machine, if a calibration ran here (`run` reads only this: a
    /// calibration beside busy workers would measure them, not the machine).
    public static func cachedModel(toolVersion: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> CostModel? {
        let file = cacheFile(toolVersion: toolVersion, environment: environment)
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(CostModel.self, from: data)
    }

    /// The calibration trajectory.
    static var trajectory: Trajectory {
        var configuration = TrajectoryConfiguration()
        var data = SyntheticDataConfiguration()
        data.trainSize = 1_000
        data.testSize = 250
        configuration.synthetic = data
        configuration.width = 64
        configuration.depth = 2
        configuration = configuration.normalized()
        return Trajectory(id: configuration.contentHash, configuration: configuration, epochs: [2], axes: [:])
    }

    /// Trains and measures ``trajectory``; the rates are its estimated FLOPs over its seconds.
    static func run() throws -> CostModel {
        let trajectory = trajectory
        let sink = CapturingSink()
        var training = TrajectoryTraining(trajectory: trajectory, datasets: DatasetCache())
        _ = try training.run(from: nil, measuring: trajectory.epochs, into: sink)
        guard let measurement = sink.measurements.first else { preconditionFailure("CostCalibration: a finished run measures its epoch") }
        let work = ComputeEstimate(trajectory: trajectory)
        return CostModel(trainingRate: work.trainingFLOPs / max(measurement.trainSeconds, 1e-6),
                         measuringRate: work.measurementFLOPs / max(measurement.measureSeconds, 1e-6),
                         source: .calibration)
    }

    /// Where the figures for this machine and environment are kept.
    static func cacheFile(toolVersion: String, environment: [String: String]) -> URL {
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        let blas = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS"].map { environment[$0] ?? "-" }
        let key = ([ProcessInfo.processInfo.hostName, toolVersion, buildKind] + blas).joined(separator: "|")
        let safe = String(key.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
        return base.appendingPathComponent("hashsweep/calibration-\(safe).json")
    }
}

/// Debug builds run element-wise loops many times slower, so they keep figures of their own.
#if DEBUG
private let buildKind = "debug"
#else
private let buildKind = "release"
#endif

/// Keeps what the calibration trajectory records; never stops it.
private final class CapturingSink: TrajectorySink {
    var measurements: [MeasurementInput] = []
    func record(_ measurement: MeasurementInput, checkpoint: Data?) throws { measurements.append(measurement) }
    func saveCheckpoint(_ checkpoint: StoredCheckpoint) throws {}
    func reached(epoch: Int) {}
    func shouldStop() throws -> Bool { false }
}
