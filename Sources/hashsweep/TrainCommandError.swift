/// Why `hashsweep train` could not use or write its checkpoint file.
enum TrainCommandError: Error, CustomStringConvertible {
    case unreadableCheckpoint(path: String)
    case invalidCheckpoint(path: String, reason: String)
    case checkpointOfAnotherConfiguration(path: String)
    case unwritableCheckpoint(path: String, reason: String)

    var description: String {
        switch self {
        case .unreadableCheckpoint(let path):
            "Cannot read the checkpoint file \(path); check its permissions."
        case .invalidCheckpoint(let path, let reason):
            "The checkpoint file \(path) cannot be used: \(reason) Delete it to start afresh."
        case .checkpointOfAnotherConfiguration(let path):
            "The checkpoint file \(path) was made with other flags; rerun with the flags it was made with, or pass another --checkpoint file."
        case .unwritableCheckpoint(let path, let reason):
            "Cannot write the checkpoint file \(path): \(reason)"
        }
    }
}
