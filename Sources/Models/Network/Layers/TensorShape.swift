/// The shape of one example's values at some point of a network: `height x width x channels`,
/// stored channel-last (HWC: the channels of a pixel are adjacent), a flat vector being `1 x 1 x n`.
///
/// Channel-last lets a convolution run as one matrix product over the whole batch (rows are
/// pixels, columns channels) and lets BatchNorm and activations treat a convolutional map as a
/// matrix of `pixels x channels`, exactly as they treat a Linear layer's `examples x units`.
public struct TensorShape: Codable, Hashable, Sendable, CustomStringConvertible {
    /// Channels per pixel (features of a flat vector).
    public var channels: Int
    /// Rows of pixels.
    public var height: Int
    /// Columns of pixels.
    public var width: Int

    /// A shape; every size must be positive.
    public init(channels: Int, height: Int, width: Int) {
        precondition(channels > 0 && height > 0 && width > 0, "TensorShape: sizes must be positive")
        self.channels = channels
        self.height = height
        self.width = width
    }

    /// A flat vector of `count` features.
    public static func vector(_ count: Int) -> TensorShape { TensorShape(channels: count, height: 1, width: 1) }

    /// Values per example.
    public var count: Int { channels * height * width }
    /// Pixels per example.
    public var positions: Int { height * width }
    /// Whether the shape is a flat vector (`1 x 1 x n`).
    public var isVector: Bool { height == 1 && width == 1 }

    /// `CxHxW`, e.g. `3x32x32`, or the feature count of a vector.
    public var description: String { isVector ? "\(channels)" : "\(channels)x\(height)x\(width)" }
}
