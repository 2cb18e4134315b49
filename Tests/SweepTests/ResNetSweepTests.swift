import Foundation
import Testing
@testable import Sweep

/// ResNets in real sweeps: the family's spec keys, code lengths, exact resume of worker
/// processes killed mid-trajectory, and a Slurm array equal to a local run.
@Suite("ResNet sweeps", .serialized)
struct ResNetSweepTests {
    /// Narrow ResNet20s (1-2 channels in the first stage) on small synthetic images.
    static func spec(name: String, epochs: [Int] = [0, 1, 2, 3], model: String = "{family: resnet, variant: resnet20}",
                     extraGrid: String = "width_multiplier: [0.0625, 0.125]") -> String {
        """
        name: \(name)
        dataset:
          name: synthetic-images
          images: {classes: 4, side: 12, train_size: 96, test_size: 48}
        model: \(model)
        train:
          optimizer: adam
          lr: 0.003
          batch_size: 32
          augment: {shift: 0.1, flip: true}
        metrics: {run: [redundancy, knn], knn_k: 3}
        grid:
          epochs: \(epochs)
          \(extraGrid)
          seed: 2

        """
    }

    @Test("a ResNet spec expands to normalised trajectories whose code length plan knows")
    func expansion() throws {
        let spec = try SweepSpec(parsing: Self.spec(name: "resnet"), file: "t.yaml")
        let configurations = Array(spec.trajectories.configurations)
        #expect(configurations.count == 4)
        #expect(configurations.allSatisfy { $0.family == "resnet" && $0.batchnorm && $0.dropout == nil && $0.width == 100 })
        let narrowest = try #require(configurations.first { $0.widthMultiplier == 0.0625 })
        // ResNet20 x 1/16 on 12x12: channels 1, 2, 4; the stem and 6 maps per stage at 12x12, 6x6, 3x3.
        #expect(NetworkSize(of: narrowest).codeLength == 144 + 6 * 144 + 6 * 2 * 36 + 6 * 4 * 9)
        let variants = try SweepSpec(parsing: Self.spec(name: "v", model: "{family: resnet}",
                                                        extraGrid: "variant: [resnet20, resnet32]\n  width_multiplier: [0.0625]"), file: "t.yaml")
        #expect(Set(variants.trajectories.configurations.map { $0.variant ?? "" }) == ["resnet20", "resnet32"])
    }

    @Test("keys of other families, a missing or foreign variant and vector data are refused with file:line:column")
    func badSpecs() {
        #expect(VGGSweepTests.diagnostics(Self.spec(name: "x", model: "{family: resnet, variant: resnet20, dropout: 0.5}")) ==
                ["t.yaml:5:44: model.dropout: dropout does not apply to family resnet (it is a key of vgg); remove it, or set model.family"])
        #expect(VGGSweepTests.diagnostics(Self.spec(name: "x", model: "{family: resnet}"))
            .contains { $0.contains("model.variant: missing; family resnet needs a variant: resnet18, resnet20, resnet32, resnet56") })
        #expect(VGGSweepTests.diagnostics(Self.spec(name: "x", model: "{family: resnet, variant: vgg16}"))
            .contains { $0.contains("model.variant: vgg16 is not a variant of family resnet; expected resnet18, resnet20, resnet32, resnet56") })
        #expect(VGGSweepTests.diagnostics(Self.spec(name: "x", model: "{family: resnet, variant: resnet9}"))
            .contains { $0.contains("resnet9") && $0.contains("resnet56") })
        let vectors = Self.spec(name: "x").replacingOccurrences(of: "name: synthetic-images\n  images: {classes: 4, side: 12, train_size: 96, test_size: 48}",
                                                                 with: "name: synthetic")
        #expect(VGGSweepTests.diagnostics(vectors).contains { $0.contains("model.family: family resnet needs image data") })
        #expect(VGGSweepTests.diagnostics(Self.spec(name: "x").replacingOccurrences(of: "knn_k: 3}", with: "knn_k: 3, codes: [stem, stage3.block4]}"))
            .first?.contains("no coded layer named stage3.block4 in the resnet network; its layers are stem, stage1.block1.conv1, stage1.block1,") == true)
    }

    @Test("workers and orchestrator killed mid-trajectory, then resumed, give the uninterrupted rows bit for bit")
    func killedAndResumed() throws {
        try ExactResumeCheck.killAndResume(Self.spec(name: "resnet-resume", epochs: [0, 2, 4, 6]), name: "resnet-resume")
    }

    @Test("a Slurm array of a tiny ResNet sweep, collected, equals a local run bit for bit")
    func slurmArrayMatchesLocalRun() throws {
        let sweep = try SlurmEndToEndTests.Sweep(name: "e2e-resnet", text: Self.spec(name: "e2e-resnet", epochs: [0, 1, 2]))
        let jobs = try sweep.submit(["slurm", "submit", sweep.spec, "--trajectories-per-task", "2", "--mem", "400M", "--time", "10"])
        try sweep.wait(for: jobs)
        #expect(try sweep.hashsweep(["slurm", "collect", sweep.database]).contains("12 measurements added"))
        try SlurmLocalCluster.expectSameMeasurements(sweep.database, try sweep.runLocally())
    }
}
