import Foundation
import Models

/// The datasets a worker process has loaded, each read (or generated) once per
/// process and shared by every trajectory that uses the same options.
public final class DatasetCache: @unchecked Sendable {
    private let lock = NSLock()
    private var splits: [DatasetOptions: DatasetSplits] = [:]

    /// An empty cache.
    public init() {}

    /// The splits for `options`, loading them on first use.
    public func splits(for options: DatasetOptions) throws -> DatasetSplits {
        try lock.withLock {
            if let cached = splits[options] { return cached }
            let loaded = try DatasetLoader.load(options)
            splits[options] = loaded
            return loaded
        }
    }
}
