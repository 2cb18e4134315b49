/// The units of one block whose activation bits enter neural codes: a convolution's whole map
/// (HWC order) or a Linear layer's units.
public struct CodeGroup: Sendable, Hashable {
    /// Whether the block is convolutional or fully connected (what `codes: conv | fc` select).
    public enum Kind: String, Sendable, Hashable {
        case convolution = "conv"
        case fullyConnected = "fc"
    }

    /// The Linear or convolution layer's name.
    public let name: String
    /// Convolutional or fully connected.
    public let kind: Kind
    /// The index of the block's stage in the plan.
    let stage: Int
    /// Bits per example.
    public let units: Int
    /// The shape of the block's output map.
    public let shape: TensorShape
    /// Where the stage keeps the group's values: `nil` for the stage's output, else an offset
    /// into its own scratch (a residual block's inner convolution), `rows x units` either way.
    let scratchOffset: Int?

    init(name: String, kind: Kind, stage: Int, units: Int, shape: TensorShape, scratchOffset: Int? = nil) {
        self.name = name
        self.kind = kind
        self.stage = stage
        self.units = units
        self.shape = shape
        self.scratchOffset = scratchOffset
    }
}
