import Crypto
import Foundation
import Testing
@testable import Models

/// Fetching against a local HTTP server (there is no internet here).
@Suite("Datasets: fetching, resuming, verifying and importing", .serialized)
struct DataFetchTests {
    typealias Support = DataTestSupport

    /// A 300 KB file of pseudo-random bytes and a catalog entry that publishes it.
    static let payload: [UInt8] = {
        var random = RandomStream(seed: 1, purpose: .testing)
        return (0..<300_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }()

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    static func entry(_ files: [String: [UInt8]], kind: DatasetKind = .fashionMNIST, archive: Bool = false,
                      contentSHA256: String? = nil) -> DatasetCatalogEntry {
        DatasetCatalogEntry(kind: kind, mirrors: [],
                            downloads: files.keys.sorted().map {
                                DatasetDownload(fileName: $0, bytes: files[$0]!.count, sha256: sha256(files[$0]!),
                                                contentSHA256: contentSHA256)
                            },
                            isArchive: archive)
    }

    private func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    @Test("a good download is verified and renamed; a second fetch finds it present")
    func goodDownload() async throws {
        let server = try DataTestHTTPServer(files: ["data.bin": Self.payload])
        defer { server.stop() }
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = DatasetFetcher(entry: Self.entry(["data.bin": Self.payload]), destination: directory, mirrors: [server.baseURL])
        let report = try await fetcher.fetch()
        #expect(report.map(\.action) == ["downloaded"])
        #expect(contents(directory + "/data.bin") == Self.payload)
        #expect(!FileManager.default.fileExists(atPath: directory + "/data.bin.part"))
        #expect(server.requests == [.init(path: "data.bin", range: nil)])
        let again = try await fetcher.fetch()
        #expect(again.map(\.action) == ["already present"] && server.requests.count == 1)
    }

    @Test("a corrupted download fails with a checksum error and leaves no file")
    func corruptedDownload() async throws {
        let server = try DataTestHTTPServer(files: ["data.bin": Self.payload])
        defer { server.stop() }
        server.corrupt("data.bin")
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = DatasetFetcher(entry: Self.entry(["data.bin": Self.payload]), destination: directory, mirrors: [server.baseURL])
        do {
            _ = try await fetcher.fetch()
            Issue.record("the corrupted file was accepted")
        } catch let error as DatasetError {
            guard case .checksumMismatch = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains(directory + "/data.bin"))
            #expect(error.description.contains(Self.sha256(Self.payload)) && error.description.contains("deleted"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test("an interrupted download keeps its .part file; the rerun resumes it with a Range request")
    func interruptedThenResumed() async throws {
        let server = try DataTestHTTPServer(files: ["data.bin": Self.payload])
        defer { server.stop() }
        server.dropConnection("data.bin", after: 120_000)
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = DatasetFetcher(entry: Self.entry(["data.bin": Self.payload]), destination: directory,
                                     mirrors: [server.baseURL], attemptsPerMirror: 1)
        do {
            _ = try await fetcher.fetch()
            Issue.record("the interrupted download succeeded")
        } catch let error as DatasetError {
            #expect(error.description.contains("run the command again to resume"))
        }
        let partial = contents(directory + "/data.bin.part")
        #expect(partial == Array(Self.payload.prefix(120_000)))
        #expect(!FileManager.default.fileExists(atPath: directory + "/data.bin"))

        let report = try await fetcher.fetch()
        #expect(report.map(\.action) == ["resumed at 120000 bytes"])
        #expect(contents(directory + "/data.bin") == Self.payload)
        #expect(server.requests.last == .init(path: "data.bin", range: "bytes=120000-"))
    }

    @Test("retries within one fetch resume automatically; a 404 mirror is skipped")
    func retriesAndMirrors() async throws {
        let server = try DataTestHTTPServer(files: ["good/data.bin": Self.payload])
        defer { server.stop() }
        server.dropConnection("good/data.bin", after: 50_000)
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let fetcher = DatasetFetcher(entry: Self.entry(["data.bin": Self.payload]), destination: directory,
                                     mirrors: [server.baseURL + "missing/", server.baseURL + "good/"], attemptsPerMirror: 2)
        let report = try await fetcher.fetch()
        #expect(report.map(\.action) == ["resumed at 50000 bytes"])
        #expect(server.requests == [.init(path: "missing/data.bin", range: nil), .init(path: "good/data.bin", range: nil),
                                    .init(path: "good/data.bin", range: "bytes=50000-")])
        #expect(contents(directory + "/data.bin") == Self.payload)
    }

    @Test("a .part file that is already complete is verified after a 416 answer")
    func completePart() async throws {
        let server = try DataTestHTTPServer(files: ["data.bin": Self.payload])
        defer { server.stop() }
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Support.write(Self.payload, named: "data.bin.part", in: directory)
        let fetcher = DatasetFetcher(entry: Self.entry(["data.bin": Self.payload]), destination: directory, mirrors: [server.baseURL])
        _ = try await fetcher.fetch()
        #expect(contents(directory + "/data.bin") == Self.payload)
        #expect(server.requests == [.init(path: "data.bin", range: "bytes=300000-")])
    }

    @Test("--from imports verified copies, accepts matching content and rejects a bad copy")
    func importFromFolder() throws {
        let source = try Support.temporaryDirectory()
        let destination = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: source); try? FileManager.default.removeItem(atPath: destination) }
        // The catalog publishes a .gz; the folder holds the decompressed file, matched by its content.
        let raw = Support.idxLabels([1, 2, 3, 4])
        let published = try Support.gzip(raw)
        try Support.write(raw, named: "labels-idx1-ubyte", in: source)
        let entry = Self.entry(["labels-idx1-ubyte.gz": published], contentSHA256: Self.sha256(raw))
        let report = try DatasetFetcher(entry: entry, destination: destination).importFiles(from: source)
        #expect(report.first?.verification == "SHA-256 of the decompressed content matches")
        #expect(contents(destination + "/labels-idx1-ubyte") == raw)

        try Support.write(Self.payload, named: "data.bin", in: source)
        var tampered = Self.payload
        tampered[7] ^= 1
        let badEntry = Self.entry(["data.bin": tampered])
        #expect(throws: DatasetError.self) { try DatasetFetcher(entry: badEntry, destination: destination).importFiles(from: source) }
        #expect(!FileManager.default.fileExists(atPath: destination + "/data.bin"))
        #expect(!FileManager.default.fileExists(atPath: destination + "/data.bin.part"))
    }

    @Test("a CIFAR-style archive is downloaded, extracted with tar, removed, and loads")
    func archiveExtraction() async throws {
        let staging = try Support.temporaryDirectory()
        let directory = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: staging); try? FileManager.default.removeItem(atPath: directory) }
        let batches = (staging as NSString).appendingPathComponent(DatasetFiles.cifar10Subfolder)
        try FileManager.default.createDirectory(atPath: batches, withIntermediateDirectories: true)
        for (index, name) in DatasetFiles.cifar10.enumerated() {
            try Support.write([UInt8(index)] + Array(repeating: UInt8(index), count: 3072), named: name, in: batches)
        }
        let archivePath = staging + "/archive.tar.gz"
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/bin/tar")
        tar.arguments = ["-czf", archivePath, "-C", staging, DatasetFiles.cifar10Subfolder]
        try tar.run()
        tar.waitUntilExit()
        let archive = try #require(contents(archivePath))
        let server = try DataTestHTTPServer(files: ["cifar-10-binary.tar.gz": archive])
        defer { server.stop() }
        let entry = Self.entry(["cifar-10-binary.tar.gz": archive], kind: .cifar10, archive: true)
        _ = try await DatasetFetcher(entry: entry, destination: directory, mirrors: [server.baseURL]).fetch()
        #expect(!FileManager.default.fileExists(atPath: directory + "/cifar-10-binary.tar.gz"))
        let splits = try DatasetLoader.load(DatasetOptions(kind: .cifar10, directory: directory))
        #expect(splits.train.labels == [0, 1, 2, 3, 4] && splits.test.labels == [5])
    }
}

@Suite("Datasets: the download catalog")
struct DataCatalogTests {
    @Test("every file has a size and a 64-digit SHA-256; file names match what the loaders read")
    func wellFormed() throws {
        for kind in DatasetKind.allCases where kind.isFileBased {
            let entry = try #require(DatasetCatalog.entry(for: kind))
            #expect(!entry.mirrors.isEmpty && entry.mirrors.allSatisfy { $0.hasSuffix("/") })
            for download in entry.downloads {
                #expect(download.sha256.count == 64 && download.sha256.allSatisfy(\.isHexDigit))
                #expect(download.bytes > 0)
            }
            if !entry.isArchive {
                #expect(entry.downloads.map(\.fileName) == DatasetFiles.required(for: kind).map { $0 + ".gz" })
            }
        }
        #expect(DatasetCatalog.entry(for: .synthetic) == nil)
    }

    @Test("importing the local MNIST copy verifies every file through its decompressed content",
          .enabled(if: DataTestSupport.mnistIsPresent, "MNIST not found at \(DataTestSupport.mnistDirectory); skipping"))
    func importsLocalMNIST() throws {
        let destination = try DataTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: destination) }
        let report = try DatasetFetcher(kind: .mnist, destination: destination).importFiles(from: DataTestSupport.mnistDirectory)
        #expect(report.count == 4)
        #expect(report.allSatisfy { $0.verification.contains("SHA-256") })
        #expect(DatasetFiles.isComplete(.mnist, in: destination))
    }
}
