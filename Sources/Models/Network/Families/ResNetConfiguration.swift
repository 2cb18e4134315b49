/// The residual networks of the paper's official code, as CIFAR work builds them: a 3x3 stem
/// convolution (stride 1) with BatchNorm and ReLU, stages of basic ``ResidualBlock``s (the
/// first block of every stage after the first halves the map and doubles the channels), global
/// average pooling, then the classifier.
///
/// - `resnet20`, `resnet32`, `resnet56` (He et al., 2016, section 4.2): 3 stages of 3, 5 or 9
///   blocks with 16, 32 and 64 channels; downsampling shortcuts are option A (subsampling and
///   zero channels, no parameters).
/// - `resnet18`: 4 stages of 2 blocks with 64, 128, 256 and 512 channels; downsampling
///   shortcuts are 1x1 projections with BatchNorm.
///
/// `widthMultiplier` scales every channel count (rounded, at least 1). Any square or oblong
/// image works (MNIST's 28x28 maps go 28, 14, 7 through three stages), so nothing is padded.
/// Codes, in order: the stem's ReLU map, then per block its `conv1`'s ReLU map and its output
/// after the addition and ReLU (see ``ResidualBlock``).
public struct ResNetConfiguration: Codable, Hashable, Sendable {
    /// The depth and stage layout.
    public enum Variant: String, Codable, Hashable, Sendable, CaseIterable {
        case resnet18, resnet20, resnet32, resnet56

        /// Channels of each stage (before the width multiplier).
        public var stageChannels: [Int] { self == .resnet18 ? [64, 128, 256, 512] : [16, 32, 64] }

        /// Blocks per stage.
        public var blocksPerStage: Int {
            switch self {
            case .resnet18: 2
            case .resnet20: 3
            case .resnet32: 5
            case .resnet56: 9
            }
        }

        /// The shortcut of the blocks that change shape.
        public var downsampling: ResidualBlock.Shortcut { self == .resnet18 ? .projection : .zeroPad }
    }

    /// The stage layout.
    public var variant: Variant
    /// Scales every channel count.
    public var widthMultiplier: Double
    /// BatchNorm after each convolution.
    public var batchNorm: BatchNormSettings
    /// How convolution and Linear weights are drawn.
    public var initializer: Initializer

    /// A ResNet.
    public init(variant: Variant, widthMultiplier: Double = 1, batchNorm: BatchNormSettings = BatchNormSettings(),
                initializer: Initializer = .glorotUniform) {
        precondition(widthMultiplier > 0 && widthMultiplier.isFinite, "ResNetConfiguration: the width multiplier must be positive")
        self.variant = variant
        self.widthMultiplier = widthMultiplier
        self.batchNorm = batchNorm
        self.initializer = initializer
    }

    /// `channels x widthMultiplier`, rounded, at least 1.
    public func scaled(_ channels: Int) -> Int { max(1, Int((Double(channels) * widthMultiplier).rounded())) }

    /// The layers for images of `inputShape` and `classCount` classes: `stem` (with `.bn` and
    /// `.relu`), `stage1.block1` ... `stageS.blockB` (residual blocks), `pool` (global average),
    /// `output`.
    public func network(inputShape: TensorShape, classCount: Int) -> NetworkDescription {
        let channels = variant.stageChannels.map(scaled)
        var layers = [NamedLayer("stem", .convolution3x3(channels: channels[0])),
                      NamedLayer("stem.bn", .batchNorm(batchNorm)),
                      NamedLayer("stem.relu", .activation(.relu))]
        var inputChannels = channels[0]
        for (stage, width) in channels.enumerated() {
            for block in 0..<variant.blocksPerStage {
                let stride = stage > 0 && block == 0 ? 2 : 1
                let shortcut = ResidualBlock.shortcut(from: inputChannels, to: width, stride: stride, downsampling: variant.downsampling)
                layers.append(NamedLayer("stage\(stage + 1).block\(block + 1)",
                                         .residual(ResidualBlock(channels: width, stride: stride, shortcut: shortcut, batchNorm: batchNorm))))
                inputChannels = width
            }
        }
        layers.append(NamedLayer("pool", .globalAveragePool))
        layers.append(NamedLayer("output", .linear(units: classCount)))
        return NetworkDescription(inputShape: inputShape, layers: layers, initializer: initializer)
    }
}
