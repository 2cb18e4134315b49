import Testing
@testable import Models

@Suite("Augmentation: seeded shifts, flips and rotations of training images")
struct AugmentationTests {
    static let shape = TensorShape(channels: 2, height: 5, width: 6)
    static let image: [Float] = (0..<60).map { Float($0 + 1) }

    static func warp(shiftY: Int = 0, shiftX: Int = 0, mirrored: Bool = false, angle: Float = 0) -> [Float] {
        var target = [Float](repeating: -1, count: image.count)
        image.withUnsafeBufferPointer { source in
            target.withUnsafeMutableBufferPointer { target in
                ImageWarp.resample(source.baseAddress!, shape: shape, into: target.baseAddress!,
                                   shiftY: shiftY, shiftX: shiftX, mirrored: mirrored, angle: angle)
            }
        }
        return target
    }

    static func pixel(_ values: [Float], _ y: Int, _ x: Int, _ c: Int) -> Float { values[(y * shape.width + x) * shape.channels + c] }

    @Test("a shift moves whole pixels and fills the frame with zeros; a flip mirrors left-right")
    func shiftAndFlip() {
        #expect(Self.warp() == Self.image)
        let shifted = Self.warp(shiftY: 1, shiftX: -2)
        #expect(Self.pixel(shifted, 1, 0, 1) == Self.pixel(Self.image, 0, 2, 1))
        #expect(Self.pixel(shifted, 0, 0, 0) == 0 && Self.pixel(shifted, 2, 5, 0) == 0)
        let flipped = Self.warp(mirrored: true)
        for y in 0..<5 { for x in 0..<6 { for c in 0..<2 {
            #expect(Self.pixel(flipped, y, x, c) == Self.pixel(Self.image, y, 5 - x, c))
        }}}
    }

    @Test("a rotation by 180 degrees about the centre turns the image upside down")
    func rotation() {
        let rotated = Self.warp(angle: .pi)
        for y in 0..<5 { for x in 0..<6 { for c in 0..<2 {
            #expect(abs(Self.pixel(rotated, y, x, c) - Self.pixel(Self.image, 4 - y, 5 - x, c)) < 1e-3)
        }}}
        let small = Self.warp(angle: 0.2)
        #expect(small != Self.image && small.allSatisfy { $0 >= 0 && $0 <= 60 })
    }

    @Test("training with augmentation is seeded per epoch: same seed same bits, resume exact, and it changes training")
    func trainerDeterminism() throws {
        let shape = TensorShape(channels: 1, height: 8, width: 8)
        let layers = [NamedLayer("conv1", .convolution3x3(channels: 3)), NamedLayer("conv1.relu", .activation(.relu)),
                      NamedLayer("pool", .maxPool), NamedLayer("flatten", .flatten), NamedLayer("output", .linear(units: 3))]
        let description = NetworkDescription(inputShape: shape, layers: layers)
        let data = ModelTestSupport.blobs(count: 40, featureCount: 64)
        func configuration(_ augmentation: Augmentation) -> TrainingConfiguration {
            TrainingConfiguration(model: description, optimizer: OptimizerConfiguration(algorithm: .sgd(momentum: 0.9, nesterov: false), learningRate: 0.05),
                                  batchSize: 16, seed: 3, augmentation: augmentation)
        }
        let augmented = configuration(Augmentation(shift: 0.25, flip: true, rotate: 15))
        var first = Trainer(configuration: augmented), second = Trainer(configuration: augmented)
        for _ in 0..<3 { _ = first.trainEpoch(on: data); _ = second.trainEpoch(on: data) }
        #expect(first.model == second.model)
        var resumed = Trainer(configuration: augmented)
        _ = resumed.trainEpoch(on: data)
        resumed = Trainer(checkpoint: try Checkpoint(decoding: resumed.checkpoint().encoded()))
        for _ in 0..<2 { _ = resumed.trainEpoch(on: data) }
        #expect(resumed.model == first.model)
        var plain = Trainer(configuration: configuration(.none))
        for _ in 0..<3 { _ = plain.trainEpoch(on: data) }
        #expect(plain.model != first.model)
    }

    @Test("augmentation of vector inputs and out-of-range settings are refused with a reason")
    func invalid() {
        #expect(Augmentation(flip: true).invalidityReason(for: .vector(10))?.contains("image inputs") == true)
        #expect(Augmentation(shift: 0.7).invalidityReason(for: Self.shape)?.contains("[0, 0.5]") == true)
        #expect(Augmentation(rotate: 200).invalidityReason(for: Self.shape)?.contains("[0, 180]") == true)
        #expect(Augmentation.none.invalidityReason(for: .vector(10)) == nil)
    }
}
