import Foundation
import Testing

/// The VGG issue's accuracy bar on real MNIST: VGG11 at width multiplier 0.25 (28x28 padded to
/// 32x32) reaches 99.0% test accuracy within 3 epochs, on the protocol of ``MNISTAccuracyBar``
/// (Adam lr 1e-3 for two epochs then 1e-4, batch 64, BatchNorm momentum 0.9: PyTorch's default,
/// 0.1 in its convention). Measured with seed 1, Haswell kernels, after convolutions were
/// chunked (2026-12-07): 98.20%, 99.03%; before, 97.76%, 98.99%, 99.27%; with a constant lr
/// epoch 3 fell back to 98.60%, and with Keras' momentum 0.99 the running statistics lag (98.95%
/// at epoch 3, seed 0).
@Suite("VGG11 x0.25 on MNIST", .serialized)
struct MNISTVGGTests {
    @Test("VGG11 x0.25 reaches 99.0% test accuracy on MNIST within 3 epochs")
    func reachesTheBar() throws {
        let accuracies = try MNISTAccuracyBar.accuracies(
            model: ["--family", "vgg", "--variant", "vgg11", "--width-multiplier", "0.25"], label: "VGG11 x0.25")
        #expect(accuracies.max()! >= 0.99, "test accuracies by epoch: \(accuracies)")
    }
}
