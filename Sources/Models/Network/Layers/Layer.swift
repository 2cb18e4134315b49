/// One layer of a ``NetworkDescription``: what it computes, not how.
///
/// Linear and convolution layers own weights and a bias; BatchNorm owns a scale and shift per
/// channel (unit) and running statistics; the others have no parameters. A BatchNorm and an
/// activation directly after a Linear or convolution layer form one block with it (run fused,
/// see ``NetworkDescription``), and the activation's on/off bits are that block's neural code.
public enum Layer: Codable, Hashable, Sendable {
    /// A fully connected layer of `units` outputs over the flattened input.
    case linear(units: Int)
    /// A square-kernel 2-D convolution to `channels` output channels.
    case convolution(channels: Int, kernel: Int, stride: Int, padding: Int)
    /// BatchNorm over channels (units of a vector), in training mode with batch statistics.
    case batchNorm(BatchNormSettings)
    /// A ReLU or LeakyReLU.
    case activation(Activation)
    /// 2x2 max pooling with stride 2 (an odd last row or column is dropped).
    case maxPool
    /// The mean of every channel over all pixels: `h x w x c` to `c`.
    case globalAveragePool
    /// Zeroes each value with probability `rate` in training (scaling the rest by `1 / (1 - rate)`).
    case dropout(rate: Float)
    /// Zero padding of `amount` pixels on every side.
    case zeroPad(amount: Int)
    /// Views a map as a flat vector (HWC order); no computation.
    case flatten
    /// A basic residual block of two 3x3 convolutions with BatchNorm and a shortcut.
    case residual(ResidualBlock)

    /// A 3x3 convolution with padding 1 at the given stride.
    public static func convolution3x3(channels: Int, stride: Int = 1) -> Layer {
        .convolution(channels: channels, kernel: 3, stride: stride, padding: 1)
    }

    /// A short name for tables and errors, e.g. `conv3x3/2`.
    public var kindName: String {
        switch self {
        case .linear: "linear"
        case .convolution(_, let kernel, let stride, _): "conv\(kernel)x\(kernel)" + (stride == 1 ? "" : "/\(stride)")
        case .batchNorm: "batch_norm"
        case .activation(let activation): activation.name
        case .maxPool: "max_pool"
        case .globalAveragePool: "global_avg_pool"
        case .dropout(let rate): "dropout(\(rate))"
        case .zeroPad(let amount): "zero_pad(\(amount))"
        case .flatten: "flatten"
        case .residual(let block): "residual(\(block.shortcut.rawValue)" + (block.stride == 1 ? ")" : "/\(block.stride))")
        }
    }
}

/// A layer with the name it is known by in codes selections, tables and errors (e.g. `conv3`, `fc1`).
public struct NamedLayer: Codable, Hashable, Sendable {
    /// Unique within its network.
    public var name: String
    /// What the layer computes.
    public var layer: Layer

    /// A named layer.
    public init(_ name: String, _ layer: Layer) {
        self.name = name
        self.layer = layer
    }
}
