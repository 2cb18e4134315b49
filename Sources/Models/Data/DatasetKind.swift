/// The datasets hashsweep can load.
///
/// The raw value is the name used on the command line, in specs and as the
/// folder name under `$HASHSWEEP_DATA` or the cache folder (see ``DatasetLocation``).
public enum DatasetKind: String, CaseIterable, Sendable, Codable {
    /// MNIST handwritten digits (IDX files, 28x28 grey, 10 classes).
    case mnist
    /// Zalando's Fashion-MNIST (IDX files, 28x28 grey, 10 classes).
    case fashionMNIST = "fashion-mnist"
    /// CIFAR-10 binary batches (32x32 RGB, 10 classes).
    case cifar10
    /// The built-in synthetic classification data (see ``SyntheticDataset``).
    case synthetic
    /// The built-in synthetic images (see ``SyntheticImages``).
    case syntheticImages = "synthetic-images"

    /// Whether the dataset is read from files (everything but the built-in generators).
    public var isFileBased: Bool { self != .synthetic && self != .syntheticImages }

    /// The shape of one example of a file-based dataset (the generators' depend on their settings).
    public var fileImageShape: TensorShape? {
        switch self {
        case .mnist, .fashionMNIST: TensorShape(channels: 1, height: 28, width: 28)
        case .cifar10: TensorShape(channels: 3, height: 32, width: 32)
        case .synthetic, .syntheticImages: nil
        }
    }

    /// The command that downloads this dataset, for error messages.
    public var fetchCommand: String { "hashsweep data fetch \(rawValue)" }

    /// The folder name used under `$HASHSWEEP_DATA` and the cache folder.
    public var folderName: String { rawValue }
}
