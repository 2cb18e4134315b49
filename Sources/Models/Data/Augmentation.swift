/// Random transformations of training images, as the CIFAR-10 reference applies them: a shift
/// of up to `shift` of the image size in each direction, a horizontal flip with probability 1/2
/// and a rotation of up to `rotate` degrees either way, with zeros where the image leaves the frame.
///
/// Each example of each epoch draws its own transformation from the epoch's augmentation stream
/// (``RandomStream/init(seed:purpose:epoch:)``), in batch order, so a resumed training redraws
/// exactly what an uninterrupted one draws. Evaluation and neural codes see the images as they are.
public struct Augmentation: Codable, Hashable, Sendable {
    /// The largest shift, as a fraction of the height (vertically) and width (horizontally).
    public var shift: Float
    /// Whether images are flipped left-right with probability 1/2.
    public var flip: Bool
    /// The largest rotation in degrees.
    public var rotate: Float

    /// An augmentation; `shift` in [0, 0.5], `rotate` in [0, 180].
    public init(shift: Float = 0, flip: Bool = false, rotate: Float = 0) {
        self.shift = shift
        self.flip = flip
        self.rotate = rotate
    }

    /// No augmentation.
    public static let none = Augmentation()

    /// Whether the augmentation changes nothing.
    public var isIdentity: Bool { shift == 0 && !flip && rotate == 0 }

    /// Why this augmentation cannot apply to inputs of `shape`, or `nil`.
    public func invalidityReason(for shape: TensorShape) -> String? {
        guard shift >= 0 && shift <= 0.5 else { return "the augmentation shift \(shift) must lie in [0, 0.5]" }
        guard rotate >= 0 && rotate <= 180 else { return "the augmentation rotation \(rotate) must lie in [0, 180] degrees" }
        if !isIdentity && shape.isVector { return "augmentation needs image inputs; these are vectors of \(shape.count)" }
        return nil
    }

    /// Transforms `rows` images of `shape` (HWC) in place, drawing from `random`, using `spare`
    /// (at least `shape.count` floats) as scratch.
    func apply(to images: UnsafeMutablePointer<Float>, rows: Int, shape: TensorShape, random: inout RandomStream,
               spare: UnsafeMutablePointer<Float>) {
        guard !isIdentity else { return }
        for row in 0..<rows {
            let image = images + row * shape.count
            let dy = shift > 0 ? Self.draw(Int((shift * Float(shape.height)).rounded(.down)), &random) : 0
            let dx = shift > 0 ? Self.draw(Int((shift * Float(shape.width)).rounded(.down)), &random) : 0
            let mirrored = flip ? random.nextUnitFloat() < 0.5 : false
            let angle = rotate > 0 ? (2 * random.nextUnitFloat() - 1) * rotate * .pi / 180 : 0
            spare.update(from: image, count: shape.count)
            ImageWarp.resample(spare, shape: shape, into: image, shiftY: dy, shiftX: dx, mirrored: mirrored, angle: angle)
        }
    }

    /// A uniform integer in `-limit...limit`.
    private static func draw(_ limit: Int, _ random: inout RandomStream) -> Int {
        limit == 0 ? 0 : random.nextInt(below: 2 * limit + 1) - limit
    }
}
