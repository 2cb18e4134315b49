import Foundation

/// One version of a sweep's spec as recorded in the database.
public struct SweepRevision: Sendable, Equatable {
    /// The sweep's name.
    public var name: String
    /// The spec text.
    public var specText: String
    /// The spec's hash.
    public var specHash: String
    /// Attempts per trajectory before it is marked failed.
    public var maxAttempts: Int
    /// hashsweep version that first ran this spec.
    public var toolVersion: String
    /// Git commit of that hashsweep, when known.
    public var gitCommit: String?
    /// Host it was first run on.
    public var host: String
    /// When it was first run.
    public var createdAt: Date
    /// When it was last run.
    public var lastUsedAt: Date
    /// Whether this is the spec the database was last run with.
    public var isCurrent: Bool
}
