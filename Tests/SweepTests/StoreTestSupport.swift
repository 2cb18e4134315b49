import Foundation
@testable import Sweep

/// A temporary folder removed when the value is released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "hashsweep-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

enum StoreFixtures {
    /// `count` distinct trajectories (differing by seed and width), measured at `epochs`, with no
    /// metric step (so that ``measurement(epoch:value:)``, which records no settings, is up to date).
    static func trajectories(count: Int, epochs: [Int] = [0, 1, 2]) -> [Trajectory] {
        (0..<count).map { index in
            var configuration = TrajectoryConfiguration()
            configuration.metrics = ["none"]
            configuration.seed = index
            configuration.width = 4 + index % 3
            return Trajectory(id: "t\(index)", configuration: configuration, epochs: epochs,
                              axes: ["width": .int(configuration.width), "seed": .int(index), "lr": .double(0.01)])
        }
    }

    static func definition(_ trajectories: [Trajectory], hash: String = "spec-1", maxAttempts: Int = 3) -> SweepDefinition {
        SweepDefinition(name: "test", specText: "name: test\n", specHash: hash, maxAttempts: maxAttempts,
                        trajectories: trajectories, toolVersion: "test")
    }

    static func worker(_ name: String, pid: Int32 = getpid()) -> WorkerIdentity {
        WorkerIdentity(name: name, pid: pid)
    }

    static func measurement(epoch: Int, value: Double = 0.5) -> MeasurementInput {
        MeasurementInput(epoch: epoch, metrics: [("accuracy", value), ("loss", 1 - value)], trainSeconds: 0.01, measureSeconds: 0.001)
    }

    /// Claims and completes every pending trajectory, measuring each planned epoch.
    static func runAll(_ store: SweepStore, worker: WorkerIdentity) throws {
        while let claim = try store.claimNext(for: worker) {
            for epoch in claim.epochsToMeasure {
                try store.record(measurement(epoch: epoch), checkpoint: Data("cp\(epoch)".utf8), for: claim)
            }
            try store.finish(claim)
        }
    }
}
