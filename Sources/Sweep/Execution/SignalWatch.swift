import Dispatch
import Foundation

/// Turns SIGINT, SIGTERM and SIGHUP into calls of a handler on a private queue,
/// instead of the default of ending the process.
///
/// The handler gets the signal number and how many such signals arrived so far
/// (the orchestrator stops gracefully on the first, at once on the second).
/// Keep the value alive as long as the handling should last.
public final class SignalWatch {
    private let sources: [any DispatchSourceSignal]

    /// Starts watching `signals`; `handler` runs serially, never concurrently with itself.
    public init(signals: [Int32] = [SIGINT, SIGTERM, SIGHUP], handler: @escaping @Sendable (_ signal: Int32, _ count: Int) -> Void) {
        // A parent may have started us with these signals blocked (they would never arrive).
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in signals { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        let queue = DispatchQueue(label: "hashsweep.signals")
        let counter = Counter()
        sources = signals.map { signal in
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler { handler(signal, counter.increment()) }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }

    /// Counts signals; touched only on the watch's serial queue.
    private final class Counter: @unchecked Sendable {
        private var value = 0
        func increment() -> Int { value += 1; return value }
    }
}
