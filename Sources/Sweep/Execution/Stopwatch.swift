import Foundation

/// Elapsed time on the monotonic clock.
public struct Stopwatch: Sendable {
    private var start: UInt64

    /// A stopwatch started now.
    public init() { start = DispatchTime.now().uptimeNanoseconds }

    /// Seconds since the start (or the last ``lap()``).
    public var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// Returns the seconds since the start and restarts.
    public mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Double(now - start) / 1e9
    }
}
