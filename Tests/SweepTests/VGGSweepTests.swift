import Foundation
import Testing
@testable import Sweep

/// VGG in real sweeps: spec checks of the family keys, identity, and exact resume with worker
/// processes killed mid-trajectory, augmentation and dropout included.
@Suite("VGG sweeps", .serialized)
struct VGGSweepTests {
    static func spec(name: String, epochs: [Int] = [0, 1, 2, 3], model: String = "{family: vgg, variant: vgg11}",
                     extraGrid: String = "width_multiplier: [0.0625, 0.125]", train: String = "") -> String {
        """
        name: \(name)
        dataset:
          name: synthetic-images
          images: {classes: 4, side: 28, train_size: 160, test_size: 80}
        model: \(model)
        train:
          optimizer: adam
          lr: 0.003
          batch_size: 32
          augment: {shift: 0.1, flip: true, rotate: 10}\(train)
        metrics: {run: [redundancy, knn], knn_k: 3}
        grid:
          epochs: \(epochs)
          \(extraGrid)
          seed: 2

        """
    }

    static func diagnostics(_ text: String) -> [String] {
        do {
            _ = try SweepSpec(parsing: text, file: "t.yaml")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test("a VGG spec expands to normalised trajectories whose code length plan knows")
    func expansion() throws {
        let spec = try SweepSpec(parsing: Self.spec(name: "vgg"), file: "t.yaml")
        let configurations = Array(spec.trajectories.configurations)
        #expect(configurations.count == 4)
        #expect(configurations.allSatisfy { $0.family == "vgg" && $0.batchnorm && $0.dropout == 0.5 && $0.width == 100 })
        let size = NetworkSize(of: configurations[0])
        // VGG11 x 1/16 on 28x28 padded to 32x32: conv maps 4x32x32 + 8x16x16 + 2(16x8x8) + 2(32x4x4) + 2(32x2x2), fc 32 + 32.
        #expect(size.codeLength == 4 * 1024 + 8 * 256 + 2 * 16 * 64 + 2 * 32 * 16 + 2 * 32 * 4 + 64)
        #expect(size.multiplyAdds > size.parameters)
        // MLP specs keep their ids: a configuration with family mlp is the plain MLP.
        var mlp = TrajectoryConfiguration()
        mlp.family = "mlp"
        #expect(mlp.normalized().contentHash == TrajectoryConfiguration().normalized().contentHash)
        #expect(!TrajectoryConfiguration().normalized().canonicalJSON.contains("family"))
    }

    @Test("keys of another family, a VGG without variant or on vectors, bad code layers are refused with file:line:column")
    func badSpecs() {
        #expect(Self.diagnostics(Self.spec(name: "x", model: "{family: vgg, variant: vgg11, width: 64}")) ==
                ["t.yaml:5:38: model.width: width does not apply to family vgg (it is a key of mlp); remove it, or set model.family"])
        #expect(Self.diagnostics(Self.spec(name: "x", model: "{width: 8}", extraGrid: "width_multiplier: [0.5]")).first?
            .contains("t.yaml:14:3: grid.width_multiplier: width_multiplier does not apply to family mlp (it is a key of vgg, resnet)") == true)
        #expect(Self.diagnostics(Self.spec(name: "x", model: "{family: vgg}")).contains { $0.contains("model.variant: missing; family vgg needs a variant") })
        let vectors = Self.spec(name: "x").replacingOccurrences(of: "name: synthetic-images\n  images: {classes: 4, side: 28, train_size: 160, test_size: 80}",
                                                                 with: "name: synthetic")
        #expect(Self.diagnostics(vectors).contains { $0.contains("model.family: family vgg needs image data") })
        #expect(Self.diagnostics(vectors).contains { $0.contains("train.augment: augmentation needs image data") })
        #expect(Self.diagnostics(Self.spec(name: "x").replacingOccurrences(of: "knn_k: 3}", with: "knn_k: 3, codes: [conv2, conv9]}"))
            == ["t.yaml:11:52: metrics.codes: no coded layer named conv9 in the vgg network; its layers are conv1, conv2, conv3, conv4, conv5, conv6, conv7, conv8, fc1, fc2"])
    }

    @Test("workers and orchestrator killed mid-trajectory, then resumed, give the uninterrupted rows bit for bit")
    func killedAndResumed() throws {
        try ExactResumeCheck.killAndResume(Self.spec(name: "vgg-resume", epochs: [0, 2, 4, 6]), name: "vgg-resume")
    }
}

@Suite("metrics.examples: measuring on a fixed seeded subset")
struct MetricExamplesTests {
    @Test("the subset is a metric setting: ids unchanged, fingerprints record it, measurements use that many examples")
    func subset() throws {
        let plain = try SweepSpec(parsing: VGGSweepTests.spec(name: "sub"), file: "t.yaml")
        let text = VGGSweepTests.spec(name: "sub").replacingOccurrences(of: "knn_k: 3}", with: "knn_k: 3, examples: 50}")
        let subset = try SweepSpec(parsing: text, file: "t.yaml")
        #expect(plain.trajectories.ids.map { $0 } == subset.trajectories.ids.map { $0 })
        let configuration = try #require(subset.trajectories.configurations.first { _ in true })
        #expect(configuration.metricExamples == 50)
        #expect(try configuration.metricSettings().fingerprints["knn"]?.hasSuffix("examples=50") == true)
        #expect(try !(plain.trajectories.configurations.first { _ in true }!.metricSettings().fingerprints["knn"]!.contains("examples")))

        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(text.replacingOccurrences(of: "epochs: [0, 1, 2, 3]", with: "epochs: [0]")
            .replacingOccurrences(of: "width_multiplier: [0.0625, 0.125]", with: "width_multiplier: [0.0625]"), name: "sub", in: folder)
        let run = try HashSweepProcess.run(["run", spec, "--db", "sub.sqlite", "-j", "1"], in: folder)
        #expect(run.status == 0, "\(run.error)")
        let rows = try SweepStore.open(path: folder.file("sub.sqlite")).measurements()
        #expect(rows.count == 2)  // two seeds
        for row in rows {
            let distinct = try #require(row.metrics["distinct_codes_train"])
            #expect(distinct <= 50 && distinct >= 1)
        }
    }
}
