import ArgumentParser
import Foundation
import Models

/// `hashsweep data fetch NAME`: download (or import) a dataset, verifying every file.
struct DataFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a dataset from its canonical mirrors (or import local copies), verifying SHA-256 checksums.",
        discussion: """
        Downloads go to NAME.part and are renamed once verified; an interrupted download resumes \
        where it stopped when the command is run again. A file with the wrong checksum is deleted \
        and reported. CIFAR-10's archive is extracted with the system tar.
        """
    )

    @Argument(help: "The dataset to fetch.")
    var dataset: DownloadableDataset

    @Option(name: .long, help: ArgumentHelp("Folder to put the files in (default: $HASHSWEEP_DATA/<name>, else the cache folder).",
                                            valueName: "folder"))
    var dir: String?

    @Option(name: .long, help: ArgumentHelp("Import the files from this local folder instead of downloading.", valueName: "folder"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Download from this base URL instead of the canonical mirrors.", valueName: "url"))
    var mirror: String?

    func validate() throws {
        if from != nil && mirror != nil {
            throw ValidationError("--from imports local files and --mirror downloads; give only one of them.")
        }
        if let mirror, URL(string: mirror)?.scheme == nil {
            throw ValidationError("--mirror must be a URL such as https://example.org/mnist/; got '\(mirror)'.")
        }
    }

    func run() async throws {
        let kind = dataset.kind
        let destination = dir.map { ($0 as NSString).expandingTildeInPath } ?? DatasetLocation.defaultDestination(for: kind)
        let fetcher = DatasetFetcher(kind: kind, destination: destination, mirrors: mirror.map { [$0] },
                                     log: { line in print(line) })
        if let from {
            _ = try fetcher.importFiles(from: (from as NSString).expandingTildeInPath)
        } else {
            _ = try await fetcher.fetch()
        }
        print("\(kind.rawValue) is ready in \(destination)")
    }
}
