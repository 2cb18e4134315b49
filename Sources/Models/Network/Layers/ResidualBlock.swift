/// A basic residual block (He et al., 2016): `relu(BN(conv2(relu(BN(conv1(x))))) + shortcut(x))`,
/// both convolutions 3x3 with padding 1, the first at ``stride``.
///
/// Runs as one stage (``ResidualStage``) made of the layers `NAME.conv1` (with BatchNorm and
/// ReLU), `NAME.conv2` (with BatchNorm, no activation) and, for a projection, `NAME.shortcut`
/// (1x1 convolution at the stride, with BatchNorm); the ReLU after the addition is `NAME`'s.
/// Its neural code is `NAME.conv1`'s ReLU map, then `NAME`'s (after the addition), HWC order.
public struct ResidualBlock: Codable, Hashable, Sendable {
    /// How the block's input reaches the addition.
    public enum Shortcut: String, Codable, Hashable, Sendable, CaseIterable {
        /// The input itself (stride 1, as many channels in as out).
        case identity
        /// A 1x1 convolution at the block's stride, then BatchNorm (ResNet18's downsampling).
        case projection
        /// Option A of the CIFAR ResNets: every `stride`-th pixel of the input, its channels
        /// zero-padded evenly on both sides up to the block's channels (no parameters).
        case zeroPad = "zero_pad"
    }

    /// Output channels of both convolutions.
    public var channels: Int
    /// Stride of the first convolution (and of the shortcut): 1, or 2 to halve the map.
    public var stride: Int
    /// How the input is added back.
    public var shortcut: Shortcut
    /// BatchNorm after each convolution (and the projection).
    public var batchNorm: BatchNormSettings

    /// A block; ``NetworkDescription`` checks that it fits its input.
    public init(channels: Int, stride: Int = 1, shortcut: Shortcut = .identity, batchNorm: BatchNormSettings = BatchNormSettings()) {
        self.channels = channels
        self.stride = stride
        self.shortcut = shortcut
        self.batchNorm = batchNorm
    }

    /// The shortcut a block needs to change from `inputChannels` to ``channels`` at ``stride``:
    /// the identity when neither changes, else `downsampling`.
    public static func shortcut(from inputChannels: Int, to channels: Int, stride: Int,
                                downsampling: Shortcut) -> Shortcut {
        inputChannels == channels && stride == 1 ? .identity : downsampling
    }

    /// Why the block cannot take inputs of `shape`, or nil.
    func invalidityReason(inputShape shape: TensorShape) -> String? {
        guard channels > 0 else { return "a residual block needs at least one channel" }
        guard stride == 1 || stride == 2 else { return "the stride of a residual block must be 1 or 2; got \(stride)" }
        switch shortcut {
        case .identity:
            guard stride == 1 && shape.channels == channels else {
                return "an identity shortcut needs stride 1 and as many channels in as out (\(shape.channels) in, "
                    + "\(channels) out, stride \(stride)); use projection or zero_pad"
            }
        case .zeroPad:
            guard channels >= shape.channels else {
                return "a zero_pad shortcut cannot drop channels (\(shape.channels) in, \(channels) out)"
            }
        case .projection:
            break
        }
        return nil
    }
}
