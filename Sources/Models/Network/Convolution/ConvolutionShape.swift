/// The geometry of a 2-D convolution over one example in channel-major (CHW) layout: input
/// channels and spatial size, output channels, a square kernel, stride and zero padding.
public struct ConvolutionShape: Sendable, Hashable {
    public var inputChannels: Int
    public var height: Int
    public var width: Int
    public var outputChannels: Int
    public var kernel: Int
    public var stride: Int
    public var padding: Int

    /// A shape; every size must be positive, the padding not negative, and the padded input at
    /// least one kernel wide.
    public init(inputChannels: Int, height: Int, width: Int, outputChannels: Int, kernel: Int = 3, stride: Int = 1,
                padding: Int = 1) {
        precondition(inputChannels > 0 && height > 0 && width > 0 && outputChannels > 0 && kernel > 0 && stride > 0,
                     "ConvolutionShape: sizes must be positive")
        precondition(padding >= 0 && height + 2 * padding >= kernel && width + 2 * padding >= kernel,
                     "ConvolutionShape: the padded input must hold one kernel")
        self.inputChannels = inputChannels
        self.height = height
        self.width = width
        self.outputChannels = outputChannels
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
    }

    /// Output rows: `(height + 2 padding - kernel) / stride + 1`.
    public var outputHeight: Int { (height + 2 * padding - kernel) / stride + 1 }
    /// Output columns.
    public var outputWidth: Int { (width + 2 * padding - kernel) / stride + 1 }
    /// Values of one input example.
    public var inputCount: Int { inputChannels * height * width }
    /// Values of one output example.
    public var outputCount: Int { outputChannels * outputHeight * outputWidth }
    /// Rows of the column matrix (and columns of the weight matrix): `inputChannels x kernel^2`.
    public var patchSize: Int { inputChannels * kernel * kernel }
    /// Columns of the column matrix: one per output position.
    public var positions: Int { outputHeight * outputWidth }
    /// Weights: `outputChannels x patchSize`, row-major.
    public var weightCount: Int { outputChannels * patchSize }
}
