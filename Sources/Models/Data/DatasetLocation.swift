import Foundation

/// Where a dataset's files live.
///
/// Resolution order: an explicit folder (a spec's `path` or the `--data-dir`
/// flag) is used alone; otherwise `$HASHSWEEP_DATA/<name>`, then the user's
/// cache folder `$XDG_CACHE_HOME/hashsweep/<name>` (or `~/.cache/hashsweep/<name>`),
/// where `<name>` is the dataset's raw name (`mnist`, `fashion-mnist`, `cifar10`).
/// `hashsweep data fetch` downloads into the first of the implicit folders.
public enum DatasetLocation {
    /// The folders searched for `kind`, in order.
    public static func candidates(for kind: DatasetKind, explicitDirectory: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        if let explicitDirectory { return [expandTilde(explicitDirectory)] }
        var folders: [String] = []
        if let root = environment["HASHSWEEP_DATA"], !root.isEmpty {
            folders.append((expandTilde(root) as NSString).appendingPathComponent(kind.folderName))
        }
        folders.append((cacheRoot(environment: environment) as NSString).appendingPathComponent(kind.folderName))
        return folders
    }

    /// The folder `hashsweep data fetch` writes `kind` to when no `--dir` is given.
    public static func defaultDestination(for kind: DatasetKind,
                                          environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        candidates(for: kind, environment: environment)[0]
    }

    /// The first candidate folder holding all of `kind`'s files.
    ///
    /// Throws ``DatasetError/missingFile(name:searched:fetchCommand:)`` naming the
    /// first missing file, every folder searched and the fetch command.
    public static func resolve(_ kind: DatasetKind, explicitDirectory: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let folders = candidates(for: kind, explicitDirectory: explicitDirectory, environment: environment)
        if let found = folders.first(where: { DatasetFiles.isComplete(kind, in: $0) }) { return found }
        // Name the first file missing from the first folder (the most likely intended one).
        let missing = DatasetFiles.required(for: kind).first { DatasetFiles.existingPath(of: $0, kind: kind, in: folders[0]) == nil }
        throw DatasetError.missingFile(name: missing ?? kind.rawValue, searched: folders, fetchCommand: kind.fetchCommand)
    }

    /// `$XDG_CACHE_HOME/hashsweep`, or `~/.cache/hashsweep`.
    static func cacheRoot(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return (xdg as NSString).appendingPathComponent("hashsweep")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return ((home as NSString).appendingPathComponent(".cache") as NSString).appendingPathComponent("hashsweep")
    }

    private static func expandTilde(_ path: String) -> String { (path as NSString).expandingTildeInPath }
}
