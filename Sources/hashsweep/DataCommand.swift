import ArgumentParser
import Models

/// `hashsweep data`: download datasets and see which are present.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Download, list and inspect datasets.",
        discussion: """
        Datasets are looked for in a spec's or flag's folder, then $HASHSWEEP_DATA/<name>, then \
        $XDG_CACHE_HOME/hashsweep/<name> (or ~/.cache/hashsweep/<name>). 'fetch' writes to the first \
        of the last two unless --dir says otherwise.
        """,
        subcommands: [DataFetchCommand.self, DataListCommand.self, DataInspectCommand.self]
    )
}

/// The datasets that can be downloaded (everything but the built-in synthetic data).
enum DownloadableDataset: String, CaseIterable, ExpressibleByArgument {
    case mnist
    case fashionMNIST = "fashion-mnist"
    case cifar10

    /// The library's name for it.
    var kind: DatasetKind {
        switch self {
        case .mnist: .mnist
        case .fashionMNIST: .fashionMNIST
        case .cifar10: .cifar10
        }
    }
}
