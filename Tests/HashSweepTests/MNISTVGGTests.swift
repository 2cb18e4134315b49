import Foundation
import Testing

/// The VGG issue's accuracy bar on real MNIST: VGG11 at width multiplier 0.25 (28x28 padded to
/// 32x32) reaches 99.0% test accuracy within 3 epochs. Runs the release binary, one epoch at a
/// time through `--checkpoint`, and stops at the first epoch that clears the bar. Adam lr 1e-3
/// for two epochs then 1e-4, batch 64, BatchNorm momentum 0.9 (PyTorch's default, 0.1 in its
/// convention). Measured with seed 1: 97.76%, 98.99%, 99.27% with OpenBLAS' Haswell kernels,
/// 97.87%, 99.04% with its Prescott ones; with a constant lr epoch 3 fell back to 98.60%, and
/// with Keras' momentum 0.99 the running statistics lag (98.95% at epoch 3, seed 0).
@Suite("VGG11 x0.25 on MNIST", .serialized)
struct MNISTVGGTests {
    @Test("VGG11 x0.25 reaches 99.0% test accuracy on MNIST within 3 epochs")
    func reachesTheBar() throws {
        let release = QuickstartReproductionTests.release
        guard FileManager.default.isExecutableFile(atPath: release.path) else {
            try Test.cancel("skipped: no release binary at \(release.path) (scripts/test builds it)")
        }
        let mnist = HashSweepCLI.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/datasets/mnist")
        guard FileManager.default.fileExists(atPath: mnist.path) else {
            try Test.cancel("skipped: MNIST not found at \(mnist.path); the VGG accuracy check needs it")
        }
        let folder = try TemporaryFolder()
        let checkpoint = folder.url.appendingPathComponent("vgg.checkpoint").path
        var accuracies: [Double] = []
        for epochs in 1...3 {
            let outcome = try HashSweepCLI.run(
                ["train", "--dataset", "mnist", "--data-dir", mnist.path, "--family", "vgg", "--variant", "vgg11",
                 "--width-multiplier", "0.25", "--optimizer", "adam", "--lr", "0.001", "--schedule", "step", "--step-every", "2", "--step-gamma", "0.1",
                 "--batch-size", "64", "--batchnorm-momentum", "0.9",
                 "--epochs", "\(epochs)", "--seed", "1", "--metrics", "none", "--checkpoint", checkpoint, "--format", "jsonl"],
                in: folder.url, executable: release)
            try #require(outcome.status == 0, "\(outcome)")
            let last = try #require(outcome.output.split(separator: "\n").last)
            let record = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
            let accuracy = try #require(record["test_accuracy"] as? Double)
            accuracies.append(accuracy)
            print("VGG11 x0.25 on MNIST: epoch \(epochs) test accuracy \(accuracy), \(record["seconds"] ?? "?") s")
            if accuracy >= 0.99 { break }
        }
        #expect(accuracies.max()! >= 0.99, "test accuracies by epoch: \(accuracies)")
    }
}
