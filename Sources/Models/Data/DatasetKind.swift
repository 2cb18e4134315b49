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

    /// Whether the dataset is read from files (everything but ``synthetic``).
    public var isFileBased: Bool { self != .synthetic }

    /// The command that downloads this dataset, for error messages.
    public var fetchCommand: String { "hashsweep data fetch \(rawValue)" }

    /// The folder name used under `$HASHSWEEP_DATA` and the cache folder.
    public var folderName: String { rawValue }
}
