import Foundation

/// Settings of the built-in synthetic images.
public struct SyntheticImageSettings: Sendable, Hashable, Codable {
    /// Number of classes (2 to 20).
    public var classCount: Int
    /// Channels per pixel: 1 (grey, like MNIST) or 3 (colour, like CIFAR-10).
    public var channels: Int
    /// Height and width in pixels (at least 8).
    public var side: Int
    /// Size of the official training set (before any holdout).
    public var trainCount: Int
    /// Size of the test set.
    public var testCount: Int
    /// Seed of the generator; the same settings always give the same images.
    public var seed: UInt64
    /// Standard deviation of the pixel noise.
    public var noise: Double

    /// Settings with the defaults for anything not given: 10 classes of 1x28x28 images, 4,000 + 1,000.
    public init(classCount: Int = 10, channels: Int = 1, side: Int = 28, trainCount: Int = 4000, testCount: Int = 1000,
                seed: UInt64 = 0, noise: Double = 0.15) {
        self.classCount = classCount
        self.channels = channels
        self.side = side
        self.trainCount = trainCount
        self.testCount = testCount
        self.seed = seed
        self.noise = noise
    }

    /// The shape of one image.
    public var shape: TensorShape { TensorShape(channels: max(channels, 1), height: max(side, 1), width: max(side, 1)) }

    /// Throws ``DatasetError/invalidSyntheticSettings(_:)`` naming the first bad setting.
    public func validate() throws {
        func fail(_ detail: String) -> DatasetError { .invalidSyntheticSettings(detail) }
        guard (2...20).contains(classCount) else { throw fail("image classes must lie in 2...20; got \(classCount)") }
        guard channels == 1 || channels == 3 else { throw fail("image channels must be 1 or 3; got \(channels)") }
        guard side >= 8 else { throw fail("the image side must be at least 8 pixels; got \(side)") }
        guard trainCount >= 1 && testCount >= 1 else { throw fail("the training and test counts must be at least 1") }
        guard noise >= 0 && noise.isFinite else { throw fail("the image noise must be finite and >= 0; got \(noise)") }
    }
}

/// The built-in synthetic images: a shape (disk, square, cross, ring or bar) filled with a
/// striped texture, on a background with a weaker texture of its own, plus pixel noise.
///
/// The class fixes the shape (class mod 5) and the orientation of the stripes inside it (class
/// div 5 of `ceil(classes / 5)` orientations); everything else varies per image: position,
/// size, stripe frequency and phase, colours (so colour is no cue), the background's
/// orientation. Telling classes apart takes both the outline and the texture inside it, so a
/// narrow network confuses classes that a wider one separates. Pixels lie in [0, 1], channel-last.
public enum SyntheticImages {
    /// The training and test images, deterministic from the settings.
    public static func generate(_ settings: SyntheticImageSettings) throws -> (train: LabeledData, test: LabeledData) {
        try settings.validate()
        var trainStream = RandomStream(seed: settings.seed, streamIndex: 0x5EED_1A6E)
        var testStream = RandomStream(seed: settings.seed, streamIndex: 0x5EED_7E57)
        return (sample(settings.trainCount, settings, &trainStream), sample(settings.testCount, settings, &testStream))
    }

    private static func sample(_ count: Int, _ settings: SyntheticImageSettings, _ random: inout RandomStream) -> LabeledData {
        let shape = settings.shape
        var features = Matrix(rows: count, columns: shape.count)
        var labels = [Int32](repeating: 0, count: count)
        features.storage.withUnsafeMutableBufferPointer { storage in
            for row in 0..<count {
                let label = random.nextInt(below: settings.classCount)
                labels[row] = Int32(label)
                draw(label: label, settings: settings, random: &random, into: storage.baseAddress! + row * shape.count)
            }
        }
        return LabeledData(features: features, labels: labels, classCount: settings.classCount)
    }

    private static func draw(label: Int, settings: SyntheticImageSettings, random: inout RandomStream,
                             into image: UnsafeMutablePointer<Float>) {
        let side = Float(settings.side), channels = settings.channels
        let orientations = (settings.classCount + 4) / 5
        let stripeAngle = Float(label / 5) * .pi / Float(orientations) + (random.nextUnitFloat() - 0.5) * 0.2
        let backgroundAngle = random.nextUnitFloat() * .pi
        let centreY = side / 2 + (random.nextUnitFloat() - 0.5) * side * 0.3
        let centreX = side / 2 + (random.nextUnitFloat() - 0.5) * side * 0.3
        let radius = side * (0.22 + 0.13 * random.nextUnitFloat())
        let frequency = 0.2 + 0.15 * random.nextUnitFloat(), phase = random.nextUnitFloat() * 2 * .pi
        let foreground = (0..<channels).map { _ in 0.55 + 0.45 * random.nextUnitFloat() }
        let background = (0..<channels).map { _ in 0.35 * random.nextUnitFloat() }
        let (cosS, sinS) = (cos(stripeAngle), sin(stripeAngle)), (cosB, sinB) = (cos(backgroundAngle), sin(backgroundAngle))
        for y in 0..<settings.side {
            for x in 0..<settings.side {
                let dy = (Float(y) - centreY) / radius, dx = (Float(x) - centreX) / radius
                let inside = contains(shape: label % 5, dy: dy, dx: dx)
                let along = Float(x) * cosS + Float(y) * sinS, across = Float(x) * cosB + Float(y) * sinB
                let stripes = 0.5 + 0.5 * sin(2 * .pi * frequency * along + phase)
                let faint = 0.5 + 0.5 * sin(2 * .pi * frequency * across)
                let pixel = image + (y * settings.side + x) * channels
                for c in 0..<channels {
                    let clean = inside ? foreground[c] * (0.45 + 0.55 * stripes) : background[c] * (0.6 + 0.4 * faint)
                    pixel[c] = min(max(clean + Float(settings.noise * random.nextGaussian()), 0), 1)
                }
            }
        }
    }

    /// Whether the offset (in radii from the centre) lies inside shape `kind`.
    private static func contains(shape kind: Int, dy: Float, dx: Float) -> Bool {
        switch kind {
        case 0: return dx * dx + dy * dy <= 1                                  // disk
        case 1: return abs(dx) <= 0.8 && abs(dy) <= 0.8                        // square
        case 2: return (abs(dx) <= 0.3 && abs(dy) <= 1) || (abs(dy) <= 0.3 && abs(dx) <= 1)  // cross
        case 3: let r = dx * dx + dy * dy; return r <= 1 && r >= 0.36          // ring
        default: return abs(dx - dy) <= 0.45 && abs(dx + dy) <= 1.6           // diagonal bar
        }
    }
}
