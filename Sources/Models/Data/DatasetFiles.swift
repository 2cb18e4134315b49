import Foundation

/// The files each dataset consists of, as its loaders read them.
public enum DatasetFiles {
    /// IDX files of MNIST and Fashion-MNIST, in the order train images, train labels,
    /// test images, test labels; each may be stored raw or as `NAME.gz`.
    public static let idx = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                             "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"]
    /// CIFAR-10 binary batches, training batches first, then the test batch; they
    /// may sit directly in the folder or in its `cifar-10-batches-bin/` subfolder.
    public static let cifar10 = (1...5).map { "data_batch_\($0).bin" } + ["test_batch.bin"]
    /// The subfolder CIFAR-10's archive extracts into.
    public static let cifar10Subfolder = "cifar-10-batches-bin"

    /// The names of the files `kind` needs (empty for synthetic data).
    public static func required(for kind: DatasetKind) -> [String] {
        switch kind {
        case .mnist, .fashionMNIST: return idx
        case .cifar10: return cifar10
        case .synthetic, .syntheticImages: return []
        }
    }

    /// Where `name` of `kind` is stored in `directory`, or nil if it is not there.
    public static func existingPath(of name: String, kind: DatasetKind, in directory: String) -> String? {
        if let path = DatasetFileReader.existingFile(named: name, in: directory) { return path }
        if kind == .cifar10 {
            let nested = (directory as NSString).appendingPathComponent(cifar10Subfolder)
            return DatasetFileReader.existingFile(named: name, in: nested)
        }
        return nil
    }

    /// Whether every file of `kind` is in `directory`.
    public static func isComplete(_ kind: DatasetKind, in directory: String) -> Bool {
        required(for: kind).allSatisfy { existingPath(of: $0, kind: kind, in: directory) != nil }
    }

    /// The path of `name` in `directory`, or a ``DatasetError/missingFile(name:searched:fetchCommand:)``.
    static func path(of name: String, kind: DatasetKind, in directory: String) throws -> String {
        if let path = existingPath(of: name, kind: kind, in: directory) { return path }
        var searched = [directory]
        if kind == .cifar10 { searched.append((directory as NSString).appendingPathComponent(cifar10Subfolder)) }
        throw DatasetError.missingFile(name: name, searched: searched, fetchCommand: kind.fetchCommand)
    }
}
