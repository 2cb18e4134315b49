import Foundation
import Testing
@testable import Sweep

@Suite("hashsweep run checks its datasets before starting workers", .serialized)
struct RunDatasetCheckTests {
    @Test("synthetic data needs no files")
    func syntheticNeedsNoFiles() throws {
        let folder = try TemporaryFolder()
        try DatasetAvailability.check(TinyTrajectories.make(count: 3, epochs: [0]), environment: emptyLocations(in: folder))
    }

    @Test("a spec's own folder: the error names the first missing file, that folder, and fetch with --dir")
    func missingFileInTheSpecsFolder() throws {
        let folder = try TemporaryFolder()
        let data = folder.file("my data/mnist")
        try IDXFixture.write(["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte"], in: data)
        let error = checkError(Self.trajectories(dataset: "mnist", path: data, count: 3), emptyLocations(in: folder))
        guard case let .datasetMissing(dataset, file, searched, fetchCommand, trajectories)? = error else {
            Issue.record("expected datasetMissing, got \(String(describing: error))")
            return
        }
        #expect(dataset == "mnist" && file == "t10k-images-idx3-ubyte" && searched == [data] && trajectories == 3)
        #expect(fetchCommand == "hashsweep data fetch mnist --dir '\(data)'")
        #expect(error?.description.contains("Get it with: hashsweep data fetch mnist --dir '\(data)'") == true)
    }

    @Test("default folders: every candidate is named and the fetch command needs no --dir; files in the cache pass")
    func defaultFolders() throws {
        let folder = try TemporaryFolder()
        let environment = emptyLocations(in: folder)
        let trajectories = Self.trajectories(dataset: "fashion-mnist", path: nil, count: 1)
        let error = checkError(trajectories, environment)
        guard case let .datasetMissing(dataset, file, searched, fetchCommand, _)? = error else {
            Issue.record("expected datasetMissing, got \(String(describing: error))")
            return
        }
        #expect(dataset == "fashion-mnist" && file == "train-images-idx3-ubyte")
        #expect(searched == [folder.file("data/fashion-mnist"), folder.file("cache/hashsweep/fashion-mnist")])
        #expect(fetchCommand == "hashsweep data fetch fashion-mnist")
        try IDXFixture.write(IDXFixture.names, in: folder.file("cache/hashsweep/fashion-mnist"))
        try DatasetAvailability.check(trajectories, environment: environment)
    }

    @Test("a file without read permission is reported with the reason",
          .enabled(if: getuid() != 0, "root reads files whatever their permissions; skipping the unreadable-file check"))
    func unreadableFile() throws {
        let folder = try TemporaryFolder()
        let data = folder.file("mnist")
        try IDXFixture.write(IDXFixture.names, in: data)
        let locked = (data as NSString).appendingPathComponent("t10k-labels-idx1-ubyte")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
        let error = checkError(Self.trajectories(dataset: "mnist", path: data, count: 1), emptyLocations(in: folder))
        #expect(error?.unreadable == [locked, String(cString: strerror(EACCES))], "\(String(describing: error))")
    }

    @Test("a dataset file that open(2) refuses even to root (a socket) is reported with the reason")
    func fileThatCannotBeOpened() throws {
        let folder = try TemporaryFolder()
        let data = folder.file("mnist")
        try IDXFixture.write(Array(IDXFixture.names.dropLast()), in: data)
        let socketPath = (data as NSString).appendingPathComponent("t10k-labels-idx1-ubyte")
        let socket = try UnixSocket(boundTo: socketPath)
        defer { withExtendedLifetime(socket) {} }
        let error = checkError(Self.trajectories(dataset: "mnist", path: data, count: 1), emptyLocations(in: folder))
        #expect(error?.unreadable == [socketPath, String(cString: strerror(ENXIO))], "\(String(describing: error))")
        #expect(error?.description.contains("fetch the dataset again with: hashsweep data fetch mnist --dir \(data)") == true)
    }

    @Test("a missing dataset stops run before any worker starts, and a store's finished work is kept as it was")
    func missingDatasetKeepsTheStore() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write(TinySpec.text(name: "keep", epochs: [0, 1], widths: [4, 8], samples: [100], seeds: 1),
                                      name: "keep", in: folder)
        let first = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(first.status == 0, "\(first.error)")
        let store = try SweepStore.open(path: folder.file("results/keep/sweep.sqlite"))
        let trajectories = try store.trajectories(), measurements = try store.measurements().map(MeasurementRow.init)
        let attempts = try store.attempts().count, events = try store.events().count, revisions = try store.sweepHistory().count
        #expect(trajectories.count == 2 && trajectories.allSatisfy { $0.status == .done } && measurements.count == 4)

        // The same sweep edited to train on MNIST from a folder that does not exist.
        let missing = folder.file("no-such-folder/mnist")
        _ = try TinySpec.write("""
            name: keep
            dataset: {name: mnist, path: \(missing), samples: 100}
            train: {batch_size: 50}
            metrics: {run: none}
            grid: {epochs: [0, 1], width: [4, 8]}

            """, name: "keep", in: folder)
        let run = try HashSweepProcess.run(["run", spec, "-j", "2"], in: folder)
        #expect(run.status == 1)
        #expect(run.error.contains("Dataset mnist, needed by 2 trajectories, is not available: its file 'train-images-idx3-ubyte' "
                                   + "(raw or .gz) was not found; looked in: \(missing)."), "\(run.error)")
        #expect(run.error.contains("Get it with: hashsweep data fetch mnist --dir \(missing)"), "\(run.error)")
        #expect(run.output.isEmpty, "run went past the check: \(run.output)")
        #expect(try store.trajectories() == trajectories)
        #expect(try store.measurements().map(MeasurementRow.init) == measurements)
        #expect(try store.attempts().count == attempts && store.events().count == events)
        #expect(try store.sweepHistory().count == revisions)
    }

    @Test("a finished sweep reruns without its dataset; an extended one asks for it again")
    func finishedWorkNeedsNoData() throws {
        let folder = try TemporaryFolder()
        let data = folder.file("mnist")
        try IDXFixture.writeValid(in: data)
        func spec(epochs: [Int]) -> String {
            """
            name: done
            dataset: {name: mnist, path: \(data), samples: 100}
            train: {batch_size: 50}
            metrics: {run: none}
            grid: {epochs: \(epochs), width: [4]}

            """
        }
        let path = try TinySpec.write(spec(epochs: [0, 1]), name: "done", in: folder)
        let first = try HashSweepProcess.run(["run", path, "-j", "1"], in: folder)
        #expect(first.status == 0, "\(first.error)")
        try FileManager.default.removeItem(atPath: data)

        let again = try HashSweepProcess.run(["run", path, "-j", "1"], in: folder)
        #expect(again.status == 0, "\(again.error)")
        _ = try TinySpec.write(spec(epochs: [0, 1, 2]), name: "done", in: folder)
        let extended = try HashSweepProcess.run(["run", path, "-j", "1"], in: folder)
        #expect(extended.status == 1)
        #expect(extended.error.contains("Dataset mnist, needed by 1 trajectory, is not available"), "\(extended.error)")
        let store = try SweepStore.open(path: folder.file("results/done/sweep.sqlite"))
        #expect(try store.measurements().map(\.epoch).sorted() == [0, 1])
    }

    @Test("a missing dataset on a new sweep creates no database")
    func missingDatasetCreatesNothing() throws {
        let folder = try TemporaryFolder()
        let spec = try TinySpec.write("""
            name: fresh
            dataset: {name: cifar10, path: \(folder.file("cifar10"))}
            metrics: {run: none}
            grid: {epochs: [1], width: [4]}

            """, name: "fresh", in: folder)
        let run = try HashSweepProcess.run(["run", spec], in: folder)
        #expect(run.status == 1)
        #expect(run.error.contains("Dataset cifar10, needed by 1 trajectory, is not available: its file 'data_batch_1.bin'"), "\(run.error)")
        #expect(run.error.contains("hashsweep data fetch cifar10 --dir \(folder.file("cifar10"))"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("results")))
    }

    /// `count` trajectories on `dataset`, read from `path` (nil: the default locations).
    private static func trajectories(dataset: String, path: String?, count: Int) -> [Trajectory] {
        TinyTrajectories.make(count: count, epochs: [0]).map { trajectory in
            var configuration = trajectory.configuration
            configuration.dataset = dataset
            configuration.datasetPath = path
            configuration.synthetic = nil
            return Trajectory(id: trajectory.id, configuration: configuration, epochs: trajectory.epochs, axes: trajectory.axes)
        }
    }

    /// The error `DatasetAvailability.check` throws for `trajectories`; records an issue if it throws none.
    private func checkError(_ trajectories: [Trajectory], _ environment: [String: String],
                            sourceLocation: SourceLocation = #_sourceLocation) -> ExecutionError? {
        #expect(throws: ExecutionError.self, sourceLocation: sourceLocation) {
            try DatasetAvailability.check(trajectories, environment: environment)
        }
    }

    /// A listening-less Unix socket bound at a path (a file that exists but cannot be opened); closed on release.
    private final class UnixSocket {
        let descriptor: Int32

        init(boundTo path: String) throws {
            descriptor = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let bytes = Array(path.utf8)
            precondition(bytes.count < MemoryLayout.size(ofValue: address.sun_path), "UnixSocket: path too long")
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard descriptor >= 0, bound == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        }

        deinit { close(descriptor) }
    }

    /// An environment whose default dataset folders lie, empty, inside `folder`.
    private func emptyLocations(in folder: TemporaryFolder) -> [String: String] {
        ["HASHSWEEP_DATA": folder.file("data"), "XDG_CACHE_HOME": folder.file("cache"), "HOME": folder.file("home")]
    }
}

private extension ExecutionError {
    /// The path and the reason of a ``datasetUnreadable`` error, nil for any other.
    var unreadable: [String]? {
        guard case let .datasetUnreadable(_, path, reason, _, _) = self else { return nil }
        return [path, reason]
    }
}
