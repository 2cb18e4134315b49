import Foundation
import Testing

/// Trains one network on real MNIST with the release binary, one epoch at a time through
/// `--checkpoint`, until its test accuracy clears a bar: what the VGG and ResNet issues' accuracy
/// checks share. Adam lr 1e-3 for two epochs then 1e-4, batch 64, BatchNorm momentum 0.9, seed 1.
enum MNISTAccuracyBar {
    /// The test accuracies by epoch, stopping at the first that reaches `bar` (skips the test
    /// where the release binary or MNIST is absent).
    static func accuracies(model: [String], label: String, epochs: Int = 3, bar: Double = 0.99) throws -> [Double] {
        let release = QuickstartReproductionTests.release
        guard FileManager.default.isExecutableFile(atPath: release.path) else {
            try Test.cancel("skipped: no release binary at \(release.path) (scripts/test builds it)")
        }
        let mnist = HashSweepCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets/mnist")
        guard FileManager.default.fileExists(atPath: mnist.path) else {
            try Test.cancel("skipped: MNIST not found at \(mnist.path); the \(label) accuracy check needs it")
        }
        let folder = try TemporaryFolder()
        let checkpoint = folder.url.appendingPathComponent("network.checkpoint").path
        var accuracies: [Double] = []
        for epoch in 1...epochs {
            let outcome = try HashSweepCLI.run(
                ["train", "--dataset", "mnist", "--data-dir", mnist.path] + model
                    + ["--optimizer", "adam", "--lr", "0.001", "--schedule", "step", "--step-every", "2", "--step-gamma", "0.1",
                       "--batch-size", "64", "--batchnorm-momentum", "0.9",
                       "--epochs", "\(epoch)", "--seed", "1", "--metrics", "none", "--checkpoint", checkpoint, "--format", "jsonl"],
                in: folder.url, executable: release)
            try #require(outcome.status == 0, "\(outcome)")
            let last = try #require(outcome.output.split(separator: "\n").last)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
            let accuracy = try #require(record["test_accuracy"] as? Double)
            accuracies.append(accuracy)
            print("\(label) on MNIST: epoch \(epoch) test accuracy \(accuracy), \(record["seconds"] ?? "?") s")
            if accuracy >= bar { break }
        }
        return accuracies
    }
}
