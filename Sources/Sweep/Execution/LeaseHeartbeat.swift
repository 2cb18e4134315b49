import Foundation

/// A background thread that extends the worker's lease every `interval` seconds,
/// whatever the training thread is doing.
public enum LeaseHeartbeat {
    /// Starts beating for `session`; runs until the process ends.
    public static func start(session: WorkerSession, interval: TimeInterval) {
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: interval)
                session.beat()
            }
        }
        thread.name = "lease-heartbeat"
        thread.start()
    }
}
