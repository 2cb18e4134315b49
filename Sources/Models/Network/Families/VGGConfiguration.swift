/// The VGG family as the CIFAR reference builds it: stages of 3x3 convolutions (padding 1),
/// each followed by BatchNorm and ReLU, a 2x2 max pool after every stage, then two fully
/// connected layers of 512 units with ReLU and dropout, then the classifier.
///
/// `widthMultiplier` scales every channel count and the fully connected width (rounded, at
/// least 1), so width is a sweep axis as for MLPs; depth is the variant. Five poolings halve a
/// 32x32 input down to 1x1; inputs smaller than 32 on a side (MNIST's 28x28) are zero-padded
/// to 32x32, centred (`pad` layer), and must differ from 32 by an even number of pixels.
public struct VGGConfiguration: Codable, Hashable, Sendable {
    /// The depth: which stage layout.
    public enum Variant: String, Codable, Hashable, Sendable, CaseIterable {
        case vgg11, vgg13, vgg16, vgg19

        /// Output channels of each convolution, stage by stage (before the width multiplier).
        public var stages: [[Int]] {
            switch self {
            case .vgg11: [[64], [128], [256, 256], [512, 512], [512, 512]]
            case .vgg13: [[64, 64], [128, 128], [256, 256], [512, 512], [512, 512]]
            case .vgg16: [[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]]
            case .vgg19: [[64, 64], [128, 128], [256, 256, 256, 256], [512, 512, 512, 512], [512, 512, 512, 512]]
            }
        }
    }

    /// The stage layout.
    public var variant: Variant
    /// Scales every channel count and the fully connected width.
    public var widthMultiplier: Double
    /// BatchNorm after each convolution.
    public var batchNorm: BatchNormSettings
    /// Dropout rate after each of the two fully connected layers.
    public var dropout: Float
    /// How convolution and Linear weights are drawn.
    public var initializer: Initializer
    /// Units of the two fully connected layers before the multiplier.
    public static let fullyConnectedWidth = 512
    /// The side inputs are padded up to when smaller.
    public static let minimumSide = 32

    /// A VGG; the reference uses dropout 0.5.
    public init(variant: Variant, widthMultiplier: Double = 1, batchNorm: BatchNormSettings = BatchNormSettings(),
                dropout: Float = 0.5, initializer: Initializer = .glorotUniform) {
        precondition(widthMultiplier > 0 && widthMultiplier.isFinite, "VGGConfiguration: the width multiplier must be positive")
        self.variant = variant
        self.widthMultiplier = widthMultiplier
        self.batchNorm = batchNorm
        self.dropout = dropout
        self.initializer = initializer
    }

    /// `channels x widthMultiplier`, rounded, at least 1.
    public func scaled(_ channels: Int) -> Int { max(1, Int((Double(channels) * widthMultiplier).rounded())) }

    /// Why inputs of `shape` do not fit, or `nil`.
    public func invalidityReason(inputShape shape: TensorShape) -> String? {
        guard shape.height == shape.width else { return "VGG needs square images; these are \(shape)" }
        if shape.height < Self.minimumSide && (Self.minimumSide - shape.height) % 2 != 0 {
            return "VGG pads images smaller than 32x32 to 32x32 evenly on each side; \(shape.height)x\(shape.width) cannot be"
        }
        return nil
    }

    /// The layers for images of `inputShape` and `classCount` classes: `pad` (when smaller than
    /// 32x32), `conv1` ... `convN` (each with `.bn` and `.relu`), `pool1` ... `pool5`, `flatten`,
    /// `fc1`, `fc1.relu`, `fc1.dropout`, `fc2` likewise, `output`.
    public func network(inputShape: TensorShape, classCount: Int) -> NetworkDescription {
        if let reason = invalidityReason(inputShape: inputShape) { preconditionFailure("VGGConfiguration: \(reason)") }
        var layers: [NamedLayer] = []
        if inputShape.height < Self.minimumSide {
            layers.append(NamedLayer("pad", .zeroPad(amount: (Self.minimumSide - inputShape.height) / 2)))
        }
        var convolution = 0
        for (stage, channels) in variant.stages.enumerated() {
            for width in channels {
                convolution += 1
                let name = "conv\(convolution)"
                layers.append(NamedLayer(name, .convolution3x3(channels: scaled(width))))
                layers.append(NamedLayer("\(name).bn", .batchNorm(batchNorm)))
                layers.append(NamedLayer("\(name).relu", .activation(.relu)))
            }
            layers.append(NamedLayer("pool\(stage + 1)", .maxPool))
        }
        layers.append(NamedLayer("flatten", .flatten))
        for index in 1...2 {
            layers.append(NamedLayer("fc\(index)", .linear(units: scaled(Self.fullyConnectedWidth))))
            layers.append(NamedLayer("fc\(index).relu", .activation(.relu)))
            layers.append(NamedLayer("fc\(index).dropout", .dropout(rate: dropout)))
        }
        layers.append(NamedLayer("output", .linear(units: classCount)))
        return NetworkDescription(inputShape: inputShape, layers: layers, initializer: initializer)
    }
}
