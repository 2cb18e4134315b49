/// The geometry of a 2-D convolution over one channel-last (HWC) example: input channels and
/// spatial size, output channels, a square kernel, stride and zero padding.
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
    /// Columns of the im2col matrix (and rows of the weight matrix): `kernel^2 x inputChannels`.
    public var patchSize: Int { inputChannels * kernel * kernel }
    /// Output pixels per example: im2col rows per example.
    public var positions: Int { outputHeight * outputWidth }
    /// Weights: `patchSize x outputChannels`, row-major (row `(i k + j) inputChannels + c` is tap `(i, j)` of channel `c`).
    public var weightCount: Int { outputChannels * patchSize }
}
