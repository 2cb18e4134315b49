import Foundation
import Models

/// Checks, before `hashsweep run` writes to the sweep database or starts a worker, that every
/// file-based dataset the trajectories with work left need is present and readable.
///
/// A missing dataset is then one error naming the dataset, the folders looked in and the
/// `hashsweep data fetch` command that gets it, instead of every trajectory failing its
/// attempts one worker start after another. Only presence and read permission are checked:
/// the contents are read by the workers, so a corrupt or truncated file still fails the
/// trajectories that load it (with the reader's error). Synthetic data needs no files.
public enum DatasetAvailability {
    /// Throws ``ExecutionError/datasetMissing(dataset:file:searched:fetchCommand:trajectories:)`` or
    /// ``ExecutionError/datasetUnreadable(dataset:path:reason:fetchCommand:trajectories:)`` for the
    /// first dataset of `trajectories` (in grid order) that is not ready.
    ///
    /// Folders are resolved as the workers resolve them (``Models/DatasetLocation``), from the
    /// same working directory and `environment`.
    public static func check(_ trajectories: [Trajectory],
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var needs: [Need: Int] = [:]
        var order: [Need] = []
        for trajectory in trajectories {
            let options = try trajectory.configuration.datasetOptions(trajectory: trajectory.id)
            guard options.kind.isFileBased else { continue }
            let need = Need(kind: options.kind, directory: options.directory)
            if needs[need] == nil { order.append(need) }
            needs[need, default: 0] += 1
        }
        for need in order {
            try check(need, trajectories: needs[need]!, environment: environment)
        }
    }

    /// A dataset and the folder a spec names for it (nil: the default locations).
    private struct Need: Hashable {
        let kind: DatasetKind
        let directory: String?
    }

    private static func check(_ need: Need, trajectories: Int, environment: [String: String]) throws {
        let searched = DatasetLocation.candidates(for: need.kind, explicitDirectory: need.directory, environment: environment)
        // `data fetch` writes to the first default location; a spec's own folder must be named.
        let fetchCommand = need.kind.fetchCommand + (need.directory == nil ? "" : " --dir \(shellQuoted(searched[0]))")
        let folder: String
        do {
            folder = try DatasetLocation.resolve(need.kind, explicitDirectory: need.directory, environment: environment)
        } catch DatasetError.missingFile(let name, let folders, _) {
            throw ExecutionError.datasetMissing(dataset: need.kind.rawValue, file: name, searched: folders,
                                                fetchCommand: fetchCommand, trajectories: trajectories)
        }
        for name in DatasetFiles.required(for: need.kind) {
            guard let path = DatasetFiles.existingPath(of: name, kind: need.kind, in: folder) else { continue }
            let descriptor = open(path, O_RDONLY | O_NONBLOCK)
            guard descriptor >= 0 else {
                throw ExecutionError.datasetUnreadable(dataset: need.kind.rawValue, path: path,
                                                       reason: String(cString: strerror(errno)),
                                                       fetchCommand: fetchCommand, trajectories: trajectories)
            }
            close(descriptor)
        }
    }

    /// `text` as one shell word: unchanged when it is plain, otherwise in single quotes.
    private static func shellQuoted(_ text: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:=@%")
        if !text.isEmpty && text.unicodeScalars.allSatisfy(plain.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
