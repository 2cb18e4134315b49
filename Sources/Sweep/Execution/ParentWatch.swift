import Foundation

/// Notices that the process that started this one is gone: its end of our
/// standard input reached EOF, or we were re-parented (`getppid` changed).
///
/// The orchestrator holds the only write end of each worker's stdin pipe, so
/// even a SIGKILL of the orchestrator closes it at once; the `getppid` check,
/// once a second, covers a parent that passed its pipe on.
public enum ParentWatch {
    /// Calls `onParentGone` once (from a background thread) when the parent is gone.
    public static func start(onParentGone: @escaping @Sendable () -> Void) {
        let parent = getppid()
        let once = Once()
        let reader = Thread {
            var byte: UInt8 = 0
            while true {
                let count = read(0, &byte, 1)
                if count == 0 || (count < 0 && errno != EINTR) { break }
            }
            once.run(onParentGone)
        }
        reader.name = "parent-pipe"
        reader.start()
        let poller = Thread {
            while getppid() == parent { Thread.sleep(forTimeInterval: 1) }
            once.run(onParentGone)
        }
        poller.name = "parent-pid"
        poller.start()
    }

    private final class Once: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        func run(_ body: () -> Void) {
            let first = lock.withLock { () -> Bool in defer { done = true }; return !done }
            if first { body() }
        }
    }
}
