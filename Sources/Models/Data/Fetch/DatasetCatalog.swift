/// One file as a dataset's mirrors serve it, with the checksums it is verified against.
public struct DatasetDownload: Sendable, Hashable {
    /// The file name, appended to a mirror's base URL and used on disk.
    public let fileName: String
    /// Size in bytes as downloaded.
    public let bytes: Int
    /// SHA-256 of the file as downloaded (lowercase hex).
    public let sha256: String
    /// SHA-256 of the decompressed file, where known: a recompressed copy with
    /// the same content (e.g. imported with `--from`) is accepted through it.
    public let contentSHA256: String?
}

/// Where and what to download for one dataset.
public struct DatasetCatalogEntry: Sendable {
    /// The dataset.
    public let kind: DatasetKind
    /// Base URLs (ending in `/`), tried in order.
    public let mirrors: [String]
    /// The files to download.
    public let downloads: [DatasetDownload]
    /// Whether the downloads are a `.tar.gz` archive to extract (CIFAR-10).
    public let isArchive: Bool
}

/// The published files of every downloadable dataset.
///
/// Provenance of the checksums (none was computed from a file we could not
/// see, and none was made up; the build machines have no internet, so they
/// were cross-checked in published source code rather than against the mirrors):
/// - MNIST: the `.gz` SHA-256 values and sizes are the ones several independent
///   projects publish for the canonical files (e.g. torch.rb's MNIST resources,
///   Guild AI's `mnist` package, a Haskell MNIST loader), all agreeing; those
///   files' MD5 values, as torchvision publishes them, are `f68b3c2d…`,
///   `d53e105e…`, `9fb629c4…`, `ec29112d…`. The *content* SHA-256 values (the
///   decompressed IDX files) were verified here with `gunzip -c F | sha256sum`
///   on the local MNIST copy and match its `SHA256SUMS`.
/// - Fashion-MNIST: the SHA-256 values published for Zalando's files by several
///   projects (e.g. torchvision's prototype datasets), which pair them with the
///   MD5 values in the authors' README (`8d4fb7e6…`, `25c81989…`, `bef4ecab…`,
///   `bb300cfd…`).
/// - CIFAR-10: the authors' page (cs.toronto.edu/~kriz/cifar.html) publishes MD5
///   `c32a1d4ab5d03f1284b67883e8d87530` for `cifar-10-binary.tar.gz`; the SHA-256
///   and size (170,052,171 bytes) are those independent projects publish with it
///   (e.g. a Julia and a Go dataset loader).
/// A mismatch on a first real download would be reported with both values.
public enum DatasetCatalog {
    /// The entry for `kind`, or nil for the built-in synthetic data.
    public static func entry(for kind: DatasetKind) -> DatasetCatalogEntry? {
        switch kind {
        case .mnist: return mnist
        case .fashionMNIST: return fashionMNIST
        case .cifar10: return cifar10
        case .synthetic, .syntheticImages: return nil
        }
    }

    static let mnist = DatasetCatalogEntry(
        kind: .mnist,
        mirrors: ["https://ossci-datasets.s3.amazonaws.com/mnist/",
                  "https://storage.googleapis.com/cvdf-datasets/mnist/",
                  "http://yann.lecun.com/exdb/mnist/"],
        downloads: [
            DatasetDownload(fileName: "train-images-idx3-ubyte.gz", bytes: 9_912_422,
                            sha256: "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                            contentSHA256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            DatasetDownload(fileName: "train-labels-idx1-ubyte.gz", bytes: 28_881,
                            sha256: "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                            contentSHA256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            DatasetDownload(fileName: "t10k-images-idx3-ubyte.gz", bytes: 1_648_877,
                            sha256: "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                            contentSHA256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            DatasetDownload(fileName: "t10k-labels-idx1-ubyte.gz", bytes: 4_542,
                            sha256: "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                            contentSHA256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
        ],
        isArchive: false)

    static let fashionMNIST = DatasetCatalogEntry(
        kind: .fashionMNIST,
        mirrors: ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                  "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"],
        downloads: [
            DatasetDownload(fileName: "train-images-idx3-ubyte.gz", bytes: 26_421_880,
                            sha256: "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", contentSHA256: nil),
            DatasetDownload(fileName: "train-labels-idx1-ubyte.gz", bytes: 29_515,
                            sha256: "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", contentSHA256: nil),
            DatasetDownload(fileName: "t10k-images-idx3-ubyte.gz", bytes: 4_422_102,
                            sha256: "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", contentSHA256: nil),
            DatasetDownload(fileName: "t10k-labels-idx1-ubyte.gz", bytes: 5_148,
                            sha256: "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", contentSHA256: nil),
        ],
        isArchive: false)

    static let cifar10 = DatasetCatalogEntry(
        kind: .cifar10,
        mirrors: ["https://www.cs.toronto.edu/~kriz/"],
        downloads: [
            DatasetDownload(fileName: "cifar-10-binary.tar.gz", bytes: 170_052_171,
                            sha256: "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd", contentSHA256: nil),
        ],
        isArchive: true)
}
